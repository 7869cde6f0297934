namespace Bpm.Workers.Pms;

public sealed record PmsDebtor(string ExternalId, string Name, string? Email, string? Phone);
