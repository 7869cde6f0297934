using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bpm.Engine.Runtime;

/// <summary>
/// Version 7 UUIDs (RFC 9562): the time in milliseconds, then 74 random bits, so that ids made later sort later and a
/// store's indexes over them grow at one end. The random bits come from a buffer filled by the system's cryptographic
/// generator a few hundred ids at a time, instead of asking it once per id (<see cref="Guid.CreateVersion7()"/> does,
/// and on Linux that is a read from <c>/dev/urandom</c> per id, several per instance).
/// </summary>
internal sealed class TimeOrderedIds(TimeProvider time)
{
    private const int RandomBytesPerId = 10;
    private const int IdsPerFill = 256;

    private readonly Lock _lock = new();
    private readonly byte[] _random = new byte[RandomBytesPerId * IdsPerFill];
    private int _next = RandomBytesPerId * IdsPerFill;

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        lock (_lock)
        {
            if (_next == _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _next = 0;
            }
            _random.AsSpan(_next, RandomBytesPerId).CopyTo(bytes[6..]);
            _next += RandomBytesPerId;
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
