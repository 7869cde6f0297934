namespace Bpm.Workers.Pms;

/// <summary>Everything a full sync read from a PMS account.</summary>
public sealed record PmsSnapshot(
    IReadOnlyList<PmsDebtor> Debtors, IReadOnlyList<PmsLease> Leases, IReadOnlyList<PmsCharge> Charges, IReadOnlyList<PmsPayment> Payments);
