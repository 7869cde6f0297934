namespace Bpm.Engine.Model;

/// <summary>
/// The message an event or receive task waits for: its name and, in the Camunda 8 dialect, the expression of
/// the correlation key (<c>zeebe:subscription correlationKey="=orderId"</c>) evaluated when the wait begins.
/// </summary>
public sealed record MessageEventDefinition(string MessageName, string? CorrelationKey);
