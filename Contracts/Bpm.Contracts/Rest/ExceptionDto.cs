namespace Bpm.Contracts.Rest;

/// <summary>The error body of every failed request. <c>Code</c> is Camunda's error code (7.20+).</summary>
public sealed record ExceptionDto(string Type, string Message, int? Code = null);
