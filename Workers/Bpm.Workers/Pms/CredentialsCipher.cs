using System.Security.Cryptography;
using System.Text;

namespace Bpm.Workers.Pms;

/// <summary>
/// AES-256-GCM for connection credentials. A sealed value is base64 of nonce (12 bytes), ciphertext and tag
/// (16 bytes); the key is base64 of 32 bytes.
/// </summary>
public static class CredentialsCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Encrypt(string keyBase64, string plaintext)
    {
        var key = ParseKey(keyBase64);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize, data.Length), sealedBytes.AsSpan(NonceSize + data.Length));
        nonce.CopyTo(sealedBytes, 0);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext; <see cref="CryptographicException"/> when the key is wrong or the value was altered.</summary>
    public static string Decrypt(string keyBase64, string sealedBase64)
    {
        var key = ParseKey(keyBase64);
        var sealedBytes = Convert.FromBase64String(sealedBase64);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("the sealed value is too short");
        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, cipherLength), sealedBytes.AsSpan(NonceSize + cipherLength), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key's bytes; <see cref="FormatException"/> when it is not base64 of 32 bytes.</summary>
    public static byte[] ParseKey(string keyBase64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyBase64.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"{PmsOptions.EncryptionKeyVariable} is not valid base64");
        }
        return key.Length == 32 ? key : throw new FormatException($"{PmsOptions.EncryptionKeyVariable} must be 32 bytes (base64), was {key.Length}");
    }
}
