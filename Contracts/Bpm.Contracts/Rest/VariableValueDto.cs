using System.Text.Json.Nodes;

namespace Bpm.Contracts.Rest;

/// <summary>A Camunda typed variable: <c>{ "value": 42, "type": "Integer", "valueInfo": {} }</c>.</summary>
public sealed record VariableValueDto(JsonNode? Value, string? Type, JsonObject? ValueInfo);
