namespace Bpm.Contracts.Rest;

/// <summary>The error body of a deployment whose resources do not parse; details are keyed by resource name.</summary>
public sealed record ParseExceptionDto(
    string Type,
    string Message,
    Dictionary<string, ResourceReportDto> Details,
    int? Code = null);
