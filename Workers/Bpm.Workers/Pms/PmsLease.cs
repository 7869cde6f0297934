namespace Bpm.Workers.Pms;

public sealed record PmsLease(string ExternalId, string DebtorExternalId, string? Unit, DateOnly? StartDate, DateOnly? EndDate, decimal? MonthlyRent);
