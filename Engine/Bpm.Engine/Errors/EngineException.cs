namespace Bpm.Engine.Errors;

/// <summary>A command the caller got wrong: an unknown id, a task in the wrong state, a bad argument.</summary>
public class EngineException(EngineErrorKind kind, string message) : Exception(message)
{
    public EngineErrorKind Kind { get; } = kind;

    public static EngineException NotFound(string message) => new(EngineErrorKind.NotFound, message);
    public static EngineException Invalid(string message) => new(EngineErrorKind.InvalidArgument, message);
    public static EngineException Conflict(string message) => new(EngineErrorKind.Conflict, message);
}
