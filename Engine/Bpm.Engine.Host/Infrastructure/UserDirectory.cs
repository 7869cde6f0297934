using System.Security.Cryptography;
using System.Text;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The configured users; passwords are held as SHA-256 digests and compared in constant time.</summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, (byte[] Digest, CallingUser User, string? Name)> _users;

    public UserDirectory(IEnumerable<ConfiguredUser> users)
    {
        _users = new Dictionary<string, (byte[], CallingUser, string?)>(StringComparer.Ordinal);
        foreach (var user in users.Where(u => !string.IsNullOrWhiteSpace(u.Id)))
        {
            if (string.IsNullOrEmpty(user.Password)) throw new InvalidOperationException($"Bpm:Auth:Users: user '{user.Id}' has no password");
            if (!_users.TryAdd(user.Id, (Digest(user.Password), new CallingUser(user.Id, [.. user.Groups]), user.Name)))
                throw new InvalidOperationException($"Bpm:Auth:Users: user '{user.Id}' is configured twice");
        }
    }

    public IEnumerable<(CallingUser User, string? Name)> Users => _users.Values.Select(u => (u.User, u.Name));

    public CallingUser? Find(string id) => _users.TryGetValue(id, out var user) ? user.User : null;

    public CallingUser? Authenticate(string id, string password)
    {
        var presented = Digest(password);
        if (!_users.TryGetValue(id, out var user))
        {
            CryptographicOperations.FixedTimeEquals(presented, presented);
            return null;
        }
        return CryptographicOperations.FixedTimeEquals(user.Digest, presented) ? user.User : null;
    }

    private static byte[] Digest(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
