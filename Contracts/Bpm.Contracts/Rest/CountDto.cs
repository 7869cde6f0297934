namespace Bpm.Contracts.Rest;

/// <summary>The response of every <c>…/count</c> query.</summary>
public sealed record CountDto(long Count);
