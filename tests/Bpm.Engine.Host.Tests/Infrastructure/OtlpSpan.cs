namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// A span read from an OTLP <c>ExportTraceServiceRequest</c> (protobuf): resource_spans (1) → scope_spans (2)
/// → spans (2) with trace_id (1), span_id (2), parent_span_id (4) and name (5).
/// </summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string? ParentSpanId, string Name)
{
    public static IEnumerable<OtlpSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        foreach (var scopeSpans in Fields(resourceSpans, 2))
        foreach (var span in Fields(scopeSpans, 2))
        {
            string? traceId = null, spanId = null, parentId = null, name = null;
            foreach (var (number, value) in All(span))
            {
                switch (number)
                {
                    case 1: traceId = Convert.ToHexString(value); break;
                    case 2: spanId = Convert.ToHexString(value); break;
                    case 4: parentId = value.Length == 0 ? null : Convert.ToHexString(value); break;
                    case 5: name = System.Text.Encoding.UTF8.GetString(value); break;
                }
            }
            yield return new OtlpSpan(traceId ?? "", spanId ?? "", parentId, name ?? "");
        }
    }

    private static IEnumerable<byte[]> Fields(byte[] message, int number) => All(message).Where(f => f.Number == number).Select(f => f.Value);

    /// <summary>The length-delimited fields of a message; numeric fields are skipped.</summary>
    private static IEnumerable<(int Number, byte[] Value)> All(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0: Varint(message, ref position); break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return (number, message[position..(position + length)]);
                    position += length;
                    break;
                default: throw new FormatException($"Unsupported protobuf wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }
}
