namespace Bpm.Contracts.Rest;

/// <summary>The response of <c>GET /process-definition/{id}/xml</c>.</summary>
public sealed record ProcessDefinitionXmlDto(string Id, string Bpmn20Xml);
