namespace Bpm.Workers.Pms;

public sealed record PmsPayment(string ExternalId, string LeaseExternalId, decimal Amount, DateTimeOffset? PaidAt);
