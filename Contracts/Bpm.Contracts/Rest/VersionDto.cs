namespace Bpm.Contracts.Rest;

/// <summary>The response of <c>GET /version</c>.</summary>
public sealed record VersionDto(string Version);
