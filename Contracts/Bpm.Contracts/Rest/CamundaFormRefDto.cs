namespace Bpm.Contracts.Rest;

/// <summary>A reference to a Camunda Form: binding is "latest", "deployment" or "version".</summary>
public sealed record CamundaFormRefDto(string Key, string Binding, int? Version = null);
