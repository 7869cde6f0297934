using Bpm.Engine.Errors;
using Bpm.Engine.Parsing;

namespace Bpm.Engine.Storage;

/// <summary>A deployment whose resources do not parse; nothing was deployed.</summary>
public sealed class DeploymentRejectedException(IReadOnlyDictionary<string, IReadOnlyList<ParseError>> errors)
    : EngineException(EngineErrorKind.InvalidArgument, Describe(errors))
{
    public IReadOnlyDictionary<string, IReadOnlyList<ParseError>> Errors { get; } = errors;

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<ParseError>> errors) =>
        "ENGINE-09005 Could not parse BPMN process. Errors: " + string.Join(" | ", errors.SelectMany(r =>
            r.Value.Select(e => $"{r.Key} line {e.Line}, column {e.Column}{(e.ElementId is null ? "" : $" [{e.ElementId}]")}: {e.Message}")));
}
