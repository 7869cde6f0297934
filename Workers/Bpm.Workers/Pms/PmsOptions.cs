namespace Bpm.Workers.Pms;

/// <summary>
/// The <c>Bpm:Integrations:Pms</c> section: the PostgreSQL database holding the connections and the synced
/// tables, the PMS API, and the key the connections' credentials are encrypted with.
/// </summary>
public sealed class PmsOptions
{
    public const string Section = "Bpm:Integrations:Pms";
    public const string EncryptionKeyVariable = "CREDENTIALS_ENCRYPTION_KEY";

    /// <summary>Npgsql connection string of the database with <c>pms_connections</c>, <c>pms_debtors</c>... (created if missing).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PMS API used for connections that name no base URL of their own.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Base64 of 32 bytes (AES-256-GCM); when empty, the environment variable <c>CREDENTIALS_ENCRYPTION_KEY</c>.</summary>
    public string? EncryptionKey { get; set; }

    public string? ResolveEncryptionKey() =>
        string.IsNullOrWhiteSpace(EncryptionKey) ? Environment.GetEnvironmentVariable(EncryptionKeyVariable) : EncryptionKey;
}
