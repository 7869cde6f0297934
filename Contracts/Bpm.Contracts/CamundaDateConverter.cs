using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bpm.Contracts;

/// <summary>
/// Writes dates as Camunda does ("yyyy-MM-dd'T'HH:mm:ss.SSSZ", e.g. "2013-01-23T13:42:42.000+0000")
/// and reads that format as well as ISO 8601. A date without offset is taken as UTC.
/// </summary>
public sealed class CamundaDateConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string but found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"Cannot parse date '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Formats a date the way Camunda 7 does: "2013-01-23T13:42:42.000+0000".</summary>
    public static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{value:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{absolute.Hours:00}{absolute.Minutes:00}");
    }

    /// <summary>Parses Camunda's format ("+0000" offset) or any ISO 8601 date.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(
            WithColonInOffset(text.Trim()),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);
    }

    // "…+0200" → "…+02:00"; .NET's parser does not read offsets without a colon.
    private static string WithColonInOffset(string text)
    {
        var length = text.Length;
        if (length < 6 || text.IndexOf('T') < 0)
        {
            return text;
        }

        var sign = text[length - 5];
        var hasBasicOffset = (sign == '+' || sign == '-')
            && char.IsAsciiDigit(text[length - 4]) && char.IsAsciiDigit(text[length - 3])
            && char.IsAsciiDigit(text[length - 2]) && char.IsAsciiDigit(text[length - 1]);
        return hasBasicOffset ? string.Concat(text.AsSpan(0, length - 2), ":", text.AsSpan(length - 2)) : text;
    }
}
