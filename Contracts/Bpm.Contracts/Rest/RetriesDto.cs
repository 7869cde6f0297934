namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>PUT /external-task/{id}/retries</c>.</summary>
public sealed record RetriesDto(int? Retries);
