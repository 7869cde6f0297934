namespace Bpm.Contracts.Rest;

/// <summary>The parse errors and warnings of one deployed resource.</summary>
public sealed record ResourceReportDto(List<ProblemDto> Errors, List<ProblemDto> Warnings);
