using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>
/// Reading and making the JSON values expressions work on. Numbers are read as decimal whatever their
/// representation (int, long, double, decimal, parsed JSON); computed numbers are decimals without trailing zeros.
/// </summary>
internal static class JsonValues
{
    public static JsonValue Number(decimal value) =>
        JsonValue.Create(value / 1.000000000000000000000000000000000m);

    public static JsonValue String(string value) => JsonValue.Create(value);

    public static JsonValue Boolean(bool value) => JsonValue.Create(value);

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static string TypeName(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    /// <summary>False for anything but a number, and for numbers beyond decimal's range (1e300, NaN).</summary>
    public static bool TryGetNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return false;
        if (value.TryGetValue(out number)) return true;
        if (value.TryGetValue(out long int64)) return Set(int64, out number);
        if (value.TryGetValue(out int int32)) return Set(int32, out number);
        if (value.TryGetValue(out ulong uint64)) return Set(uint64, out number);
        if (value.TryGetValue(out uint uint32)) return Set(uint32, out number);
        if (value.TryGetValue(out short int16)) return Set(int16, out number);
        if (value.TryGetValue(out ushort uint16)) return Set(uint16, out number);
        if (value.TryGetValue(out byte uint8)) return Set(uint8, out number);
        if (value.TryGetValue(out sbyte int8)) return Set(int8, out number);
        if (value.TryGetValue(out double real)) return FromDouble(real, out number);
        if (value.TryGetValue(out float single)) return FromDouble(single, out number);
        return false;
    }

    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return false;
        text = value.TryGetValue(out string? s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString());
        return text is not null;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = KindOf(node);
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>The text a value contributes to a concatenation or template; null contributes nothing.</summary>
    public static string ToText(JsonNode? node)
    {
        if (node is null) return "";
        if (TryGetString(node, out var text)) return text;
        if (TryGetNumber(node, out var number)) return Number(number).ToJsonString();
        return node.ToJsonString();
    }

    /// <summary>A value for a message: <c>null</c>, <c>string "abc"</c>, <c>number 3</c>.</summary>
    public static string Describe(JsonNode? node) => node is null ? "null" : $"{TypeName(node)} {node.ToJsonString()}";

    /// <summary>Structural equality; numbers by value (3 = 3.0), strings ordinally, values of different types differ.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        var kind = KindOf(left);
        if (kind != KindOf(right)) return false;
        return kind switch
        {
            JsonValueKind.Number => TryGetNumber(left, out var a) && TryGetNumber(right, out var b)
                ? a == b
                : left!.ToJsonString() == right!.ToJsonString(),
            JsonValueKind.String => TryGetString(left, out var s) && TryGetString(right, out var t) && string.Equals(s, t, StringComparison.Ordinal),
            JsonValueKind.Array => ArraysEqual((JsonArray)left!, (JsonArray)right!),
            JsonValueKind.Object => ObjectsEqual((JsonObject)left!, (JsonObject)right!),
            _ => true,
        };
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right) =>
        left.Count == right.Count && left.Zip(right).All(pair => DeepEquals(pair.First, pair.Second));

    private static bool ObjectsEqual(JsonObject left, JsonObject right) =>
        left.Count == right.Count
        && left.All(p => right.TryGetPropertyValue(p.Key, out var other) && DeepEquals(p.Value, other));

    private static bool Set(decimal value, out decimal number)
    {
        number = value;
        return true;
    }

    private static bool FromDouble(double value, out decimal number)
    {
        var fits = double.IsFinite(value) && Math.Abs(value) < (double)decimal.MaxValue;
        number = fits ? (decimal)value : 0;
        return fits;
    }
}
