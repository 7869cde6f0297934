using Bpm.Engine.Model;

namespace Bpm.Engine.Parsing;

/// <summary>The executable processes of one BPMN resource, or the errors that keep it from deploying.</summary>
public sealed record ParseResult(IReadOnlyList<ProcessDefinition> Processes, IReadOnlyList<ParseError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;
}
