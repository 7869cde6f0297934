namespace Bpm.Workers.Pms;

/// <summary>Reads a PMS account in full: debtors, leases, charges and payments.</summary>
public interface IPmsConnector
{
    Task<PmsSnapshot> SyncFullAsync(PmsConnection connection, PmsCredentials credentials, CancellationToken cancellationToken);
}
