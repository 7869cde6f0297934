using System.Security.Cryptography;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// With no users and no keys configured, the embedded default has an analyst, an approver and an operator, who share
/// one generated password kept beside the SQLite file (like the development key) and printed once at start.
/// </summary>
public static class DemoUsers
{
    public static List<ConfiguredUser> LoadOrCreate(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "demo-password");
        var password = File.Exists(file) ? File.ReadAllText(file).Trim() : "";
        if (password.Length == 0)
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
            File.WriteAllText(file, password);
        }
        return
        [
            new() { Id = "analyst", Name = "Ann Analyst", Password = password, Groups = ["analysts"] },
            new() { Id = "approver", Name = "Arthur Approver", Password = password, Groups = ["approvers"] },
            new() { Id = "operator", Name = "Olga Operator", Password = password, Groups = ["operators"] },
        ];
    }
}
