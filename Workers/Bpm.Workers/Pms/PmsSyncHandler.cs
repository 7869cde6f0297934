using System.Security.Cryptography;
using System.Text.Json;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Pms;

/// <summary>
/// Syncs one PMS connection: decrypts its credentials, reads debtors, leases, charges and payments through the
/// connector and upserts them. A missing or wrong encryption key fails at once, without retries.
/// </summary>
public sealed class PmsSyncHandler(PmsDatabase database, IPmsConnector connector, IOptions<PmsOptions> options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "pms-sync", "Sync PMS connection",
        "Reads debtors, leases, charges and payments of a PMS connection and upserts them into the PMS tables.",
        Inputs: [new("connectionId", "Connection id", Required: true), new("tenantId", "Tenant id", Required: true)],
        Outputs: [new("pmsSync", "Counts of synced debtors, leases, charges and payments")],
        Category: "PMS");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var connectionId = task.Get<string>("connectionId");
        var tenantId = task.Get<string>("tenantId");
        try
        {
            var connection = await database.FindConnectionAsync(connectionId, cancellationToken);
            if (connection is null)
                return TaskOutcome.Fail($"PMS connection {connectionId} does not exist", retries: 0);
            if (connection.TenantId != tenantId)
                return TaskOutcome.Fail($"PMS connection {connectionId} belongs to tenant {connection.TenantId}, not {tenantId}", retries: 0);
            if (Decrypt(connection) is not { } credentials)
                return TaskOutcome.Fail($"cannot decrypt the credentials of connection {connectionId}: wrong key", retries: 0);
            var snapshot = await connector.SyncFullAsync(connection, credentials, cancellationToken);
            await database.UpsertAsync(connection, snapshot, cancellationToken);
            return TaskOutcome.Complete(new
            {
                pmsSync = new
                {
                    connectionId, tenantId,
                    debtors = snapshot.Debtors.Count, leases = snapshot.Leases.Count,
                    charges = snapshot.Charges.Count, payments = snapshot.Payments.Count,
                },
            });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
        catch (FormatException e)
        {
            return TaskOutcome.Fail(e.Message, retries: 0);
        }
    }

    /// <summary>The credentials, or null when the key does not open them; <see cref="IntegrationException"/> when there is no key.</summary>
    private PmsCredentials? Decrypt(PmsConnection connection)
    {
        var key = options.Value.ResolveEncryptionKey();
        if (string.IsNullOrWhiteSpace(key)) throw new IntegrationException(IntegrationFailureKind.NotConfigured,
            $"{PmsOptions.EncryptionKeyVariable} is not set: the credentials of connection {connection.Id} cannot be decrypted");
        string json;
        try
        {
            json = CredentialsCipher.Decrypt(key, connection.EncryptedCredentials);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var credentials = JsonSerializer.Deserialize<PmsCredentials>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return string.IsNullOrEmpty(credentials?.ApiKey)
            ? throw new IntegrationException(IntegrationFailureKind.Rejected, $"the credentials of connection {connection.Id} have no apiKey")
            : credentials;
    }
}
