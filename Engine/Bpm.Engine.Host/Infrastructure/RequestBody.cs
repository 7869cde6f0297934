using System.Buffers;
using System.Text.Json;
using Bpm.Contracts;
using Bpm.Engine.Errors;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>Reads a JSON request body, turning malformed or oversized input into a clear 400.</summary>
public static class RequestBody
{
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <remarks>
    /// A body of declared length is read whole, then deserialized in one synchronous pass; one sent in chunks is
    /// deserialized as it streams in, up to <see cref="MaxBytes"/>.
    /// </remarks>
    public static async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > MaxBytes) throw EngineException.Invalid($"The request body is larger than {MaxBytes} bytes");
        try
        {
            var value = request.ContentLength is { } length
                ? await ReadWholeAsync<T>(request, length)
                : await ReadStreamingAsync<T>(request);
            return value ?? throw EngineException.Invalid("The request body is empty; a JSON object is expected");
        }
        catch (JsonException e)
        {
            // A converter's own message (a date that does not parse) does not say where: name the field.
            var where = e.Path is { } path && !e.Message.Contains(path, StringComparison.Ordinal) ? $" (at {path})" : "";
            throw EngineException.Invalid($"The request body is not valid JSON for this call: {e.Message}{where}");
        }
    }

    private static async Task<T?> ReadWholeAsync<T>(HttpRequest request, long length)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            var buffer = read.Buffer;
            if (buffer.Length < length && !read.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            try
            {
                return buffer.IsSingleSegment
                    ? JsonSerializer.Deserialize<T>(buffer.FirstSpan, CamundaJson.Options)
                    : JsonSerializer.Deserialize<T>(buffer.ToArray(), CamundaJson.Options);
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static async Task<T?> ReadStreamingAsync<T>(HttpRequest request)
    {
        await using var limited = new LimitedStream(request.Body, MaxBytes);
        return await JsonSerializer.DeserializeAsync<T>(limited, CamundaJson.Options, request.HttpContext.RequestAborted);
    }

    /// <summary>Like <see cref="ReadAsync{T}"/>, but an empty body yields <paramref name="empty"/>.</summary>
    public static async Task<T> ReadOptionalAsync<T>(HttpRequest request, T empty) where T : class
    {
        if (request.ContentLength == 0) return empty;
        if (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")) return empty;
        return await ReadAsync<T>(request);
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not allowed");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _read += n;
            if (_read > limit) throw EngineException.Invalid($"The request body is larger than {limit} bytes");
            return n;
        }
    }
}
