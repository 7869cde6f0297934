namespace Bpm.Workers.Sdk;

/// <summary>Declares what a handler offers to modelers: its task type, name, inputs and outputs.</summary>
public interface IActivity
{
    static abstract ActivityDescriptor Activity { get; }
}
