namespace Bpm.Engine.Runtime;

/// <summary>The life-cycle state of a process instance, named as Camunda's history names it.</summary>
public enum InstanceState
{
    Active,
    Suspended,
    Completed,
    ExternallyTerminated,
    InternallyTerminated,
}
