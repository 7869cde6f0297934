using System.Security.Cryptography;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// With no key configured, the embedded default makes one, keeps it beside the SQLite file so it survives
/// restarts, and prints it once at start so a newcomer can call the API.
/// </summary>
public static class DevelopmentApiKey
{
    public static string LoadOrCreate(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "dev-api-key");
        if (File.Exists(file))
        {
            var existing = File.ReadAllText(file).Trim();
            if (existing.Length > 0) return existing;
        }
        var key = "dev-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(file, key);
        return key;
    }
}
