namespace Bpm.Designer.Components.Cockpit;

/// <summary>The states an instance can be in, as history names them, for the instance filter.</summary>
public static class InstanceStates
{
    public static readonly string[] All = ["ACTIVE", "SUSPENDED", "COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED"];
}
