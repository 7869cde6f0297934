namespace Bpm.Workers.Pms;

public sealed record PmsCharge(string ExternalId, string LeaseExternalId, decimal Amount, DateOnly? DueDate, string? Description);
