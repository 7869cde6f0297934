namespace Bpm.Workers.Pms;

/// <summary>A row of <c>pms_connections</c>: which PMS account of which tenant, with its sealed credentials.</summary>
public sealed record PmsConnection(string Id, string TenantId, string Provider, string? BaseUrl, string EncryptedCredentials);
