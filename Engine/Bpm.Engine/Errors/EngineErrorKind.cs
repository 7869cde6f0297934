namespace Bpm.Engine.Errors;

public enum EngineErrorKind
{
    InvalidArgument,
    NotFound,
    Conflict,
    Forbidden,
    /// <summary>The instance is suspended; the command may succeed once it is resumed.</summary>
    Suspended,
}
