namespace Bpm.Engine.Errors;

public enum EngineErrorKind
{
    InvalidArgument,
    NotFound,
    Conflict,
    Forbidden,
}
