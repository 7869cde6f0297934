namespace Bpm.Workers.Sdk;

/// <summary>A handler type with its activity and how many of its tasks may run at once in this process.</summary>
public sealed record HandlerRegistration(ActivityDescriptor Activity, Type HandlerType, int MaxConcurrency, TimeSpan LockDuration)
{
    public string Topic => Activity.TaskType;
}
