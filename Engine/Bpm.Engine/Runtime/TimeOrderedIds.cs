using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bpm.Engine.Runtime;

/// <summary>
/// Version 7 UUIDs (RFC 9562), each greater than the one before: the time in milliseconds, then a 30-bit counter that
/// starts at a random value each millisecond (the RFC's method 1), then 44 random bits. Ids made later sort later, so a
/// store's indexes over them grow at one end, and the tokens of one command sort in the order they entered their nodes.
/// When the clock stands still or goes back, ids carry on from the last millisecond used. The random bits come from a
/// buffer filled by the system's cryptographic generator a few hundred ids at a time, instead of asking it once per id
/// (<see cref="Guid.CreateVersion7()"/> does, and on Linux that is a read from <c>/dev/urandom</c> per id).
/// </summary>
internal sealed class TimeOrderedIds(TimeProvider time)
{
    private const int CounterBits = 30;
    private const int RandomBits = 44;

    private readonly Lock _lock = new();
    private const int BufferBytes = 2048;

    private readonly byte[] _random = new byte[BufferBytes];
    private int _next = BufferBytes;
    private long _milliseconds = long.MinValue;
    private long _counter;

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            if (now > _milliseconds)
            {
                _milliseconds = now;
                _counter = Seed();
            }
            else if (++_counter >> CounterBits != 0)
            {
                _milliseconds++;
                _counter = Seed();
            }
            // 48 bits of time, 4 of version, 12 of counter; 2 of variant, the counter's other 18, then random bits.
            BinaryPrimitives.WriteInt64BigEndian(bytes[..8], _milliseconds << 16 | 0x7000 | _counter >> 18);
            var random = BinaryPrimitives.ReadUInt64BigEndian(Random(sizeof(ulong))) >> (64 - RandomBits);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], 0x8000000000000000 | (ulong)(_counter & 0x3FFFF) << RandomBits | random);
        }
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>A counter's first value in a millisecond: random, with its top bit clear so that it has room to count.</summary>
    private long Seed() => BinaryPrimitives.ReadUInt32BigEndian(Random(sizeof(uint))) >> (32 - CounterBits + 1);

    private ReadOnlySpan<byte> Random(int count)
    {
        if (_next + count > _random.Length)
        {
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }
        _next += count;
        return _random.AsSpan(_next - count, count);
    }
}
