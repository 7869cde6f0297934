using System.Text.Json.Nodes;

namespace Bpm.Engine.Storage;

/// <summary>
/// A message to correlate, as Camunda's <c>POST /message</c> describes it, plus a Camunda 8 style correlation
/// key, a time to live for buffering and a message id for idempotency.
/// </summary>
public sealed record MessageRequest(
    string MessageName,
    string? BusinessKey = null,
    string? CorrelationKey = null,
    JsonObject? CorrelationKeys = null,
    string? ProcessInstanceId = null,
    JsonObject? ProcessVariables = null,
    bool All = false,
    TimeSpan? TimeToLive = null,
    string? MessageId = null);
