using System.Security.Cryptography;
using System.Text;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The accepted keys, held as digests.</summary>
public sealed class ApiKeyRing
{
    private readonly byte[][] _digests;

    public ApiKeyRing(IEnumerable<string> keys) =>
        _digests = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim()))).ToArray();

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var accepted = false;
        foreach (var known in _digests) accepted |= CryptographicOperations.FixedTimeEquals(known, digest);
        return accepted;
    }
}
