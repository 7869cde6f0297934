namespace Bpm.Engine.Model;

/// <summary>
/// An error event definition. A catching one with no <see cref="ErrorCode"/> catches every BPMN error; the
/// variables, when named, receive the caught error's code and message (<c>camunda:errorCodeVariable</c>).
/// </summary>
public sealed record ErrorEventDefinition(string? ErrorCode, string? CodeVariable = null, string? MessageVariable = null)
{
    public bool Catches(string code) => ErrorCode is null || ErrorCode == code;
}
