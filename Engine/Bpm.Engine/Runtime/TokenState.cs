namespace Bpm.Engine.Runtime;

public enum TokenState
{
    /// <summary>Scheduled to run; never stored, every command drains these.</summary>
    Running,
    /// <summary>Resting in a wait state (service task, user task, sub-process).</summary>
    Waiting,
    /// <summary>Arrived at a joining gateway, waiting for the other branches.</summary>
    Joining,
    /// <summary>Stopped by a failure the model caused; an incident names it.</summary>
    Failed,
}
