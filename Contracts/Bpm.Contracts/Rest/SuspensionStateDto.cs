namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>PUT /process-instance/{id}/suspended</c>.</summary>
public sealed record SuspensionStateDto(bool? Suspended);
