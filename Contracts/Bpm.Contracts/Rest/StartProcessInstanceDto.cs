using System.Text.Json.Nodes;

namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /process-definition/{id|key/{key}}/start</c>.</summary>
public sealed record StartProcessInstanceDto(
    Dictionary<string, VariableValueDto>? Variables = null,
    string? BusinessKey = null,
    bool WithVariablesInReturn = false,
    string? CaseInstanceId = null,
    List<JsonObject>? StartInstructions = null,
    bool SkipCustomListeners = false,
    bool SkipIoMappings = false);
