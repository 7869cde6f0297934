namespace Bpm.Workers.Pms;

/// <summary>A connection's decrypted credentials: the API key the PMS accepts as a bearer token.</summary>
public sealed record PmsCredentials(string ApiKey);
