using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Contracts.Rest;

namespace Bpm.Contracts.Variables;

/// <summary>
/// Converts between Camunda 7's typed variables (<c>{ "value": 42, "type": "Integer", "valueInfo": {} }</c>)
/// and plain JSON values.
/// </summary>
public static class TypedVariables
{
    private const string JsonDataFormat = "application/json";

    /// <summary>The plain JSON value of one typed variable. Type names are case-insensitive.</summary>
    /// <exception cref="VariableTypeException">The value does not fit the type, or the type is not supported.</exception>
    public static JsonNode? ToJson(string name, VariableValueDto dto)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dto);

        var value = dto.Value;
        if (string.IsNullOrEmpty(dto.Type))
        {
            return value?.DeepClone();
        }

        return dto.Type.ToLowerInvariant() switch
        {
            "null" => null,
            "string" => ToText(name, value),
            "boolean" => ToBoolean(name, value),
            "integer" => ToInteger(name, value, "Integer", int.MinValue, int.MaxValue),
            "short" => ToInteger(name, value, "Short", short.MinValue, short.MaxValue),
            "long" => ToInteger(name, value, "Long", long.MinValue, long.MaxValue),
            "double" => ToDouble(name, value),
            "date" => ToDate(name, value),
            "json" => ToStructured(name, value, "Json"),
            "object" when IsJsonSerialized(dto.ValueInfo) => ToStructured(name, value, "Object"),
            "object" => throw new VariableTypeException(name, "Object",
                $"Variable '{name}' of type Object is only supported with serializationDataFormat '{JsonDataFormat}'"),
            _ => throw new VariableTypeException(name, dto.Type,
                $"Variable '{name}' has unsupported type '{dto.Type}'"),
        };
    }

    /// <summary>A whole variable map as one JSON object; null gives an empty object.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, VariableValueDto>? variables)
    {
        var result = new JsonObject();
        if (variables is null)
        {
            return result;
        }

        foreach (var (name, dto) in variables)
        {
            result[name] = ToJson(name, dto);
        }

        return result;
    }

    /// <summary>
    /// The Camunda typed form of a plain JSON value: String, Boolean, Integer, Long, Double, Null,
    /// or Json (an object or array, serialized to a string). A number held as a <see cref="long"/>, <see cref="short"/>
    /// or <see cref="double"/> (as <see cref="ToJson(string, VariableValueDto)"/> gives a Long, Short or Double) is
    /// typed as such; a number read from JSON text by its value.
    /// </summary>
    public static VariableValueDto FromJson(JsonNode? value) => value switch
    {
        null => Typed(null, "Null"),
        JsonObject or JsonArray => Typed(JsonValue.Create(value.ToJsonString()), "Json"),
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => Typed(JsonValue.Create(StringOf(value)), "String"),
            JsonValueKind.True => Typed(JsonValue.Create(true), "Boolean"),
            JsonValueKind.False => Typed(JsonValue.Create(false), "Boolean"),
            JsonValueKind.Number => FromNumber(value),
            _ => Typed(null, "Null"),
        },
    };

    /// <summary>Every property of a JSON object in Camunda's typed form.</summary>
    public static Dictionary<string, VariableValueDto> FromJson(JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var result = new Dictionary<string, VariableValueDto>(variables.Count);
        foreach (var (name, value) in variables)
        {
            result[name] = FromJson(value);
        }

        return result;
    }

    /// <summary>
    /// <c>Long</c>, <c>Short</c> or <c>Double</c> for a number held as a <see cref="long"/>, <see cref="short"/> or
    /// floating-point number (as <see cref="ToJson(string, VariableValueDto)"/> gives them), whose JSON text would not
    /// tell its type; null for anything else, such as a number parsed from JSON text.
    /// </summary>
    public static string? HeldNumberType(JsonValue value) =>
        value.TryGetValue<JsonElement>(out _) ? null
        : value.TryGetValue<long>(out _) ? "Long"
        : value.TryGetValue<short>(out _) ? "Short"
        : value.TryGetValue<double>(out _) || value.TryGetValue<float>(out _) ? "Double"
        : null;

    private static VariableValueDto Typed(JsonNode? value, string type) => new(value, type, new JsonObject());

    private static VariableValueDto FromNumber(JsonNode value)
    {
        // A number held as what it was declared (not parsed from JSON text) keeps its type: a Long of 5, a Double of 2.
        if (value is JsonValue held && HeldNumberType(held) is { } declared) return Typed(held.DeepClone(), declared);

        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integral))
        {
            return integral is >= int.MinValue and <= int.MaxValue
                ? Typed(JsonValue.Create((int)integral), "Integer")
                : Typed(JsonValue.Create(integral), "Long");
        }

        return Typed(value.DeepClone(), "Double");
    }

    private static JsonNode? ToText(string name, JsonNode? value) => value switch
    {
        null => null,
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => JsonValue.Create(StringOf(scalar)),
        JsonValue scalar => JsonValue.Create(scalar.ToJsonString()),
        _ => throw Mismatch(name, value, "String"),
    };

    private static JsonNode? ToBoolean(string name, JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case null:
                return null;
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.String when bool.TryParse(StringOf(value).Trim(), out var parsed):
                return JsonValue.Create(parsed);
            default:
                throw Mismatch(name, value, "Boolean");
        }
    }

    private static JsonNode? ToInteger(string name, JsonNode? value, string type, long min, long max)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => StringOf(value).Trim(),
            _ => throw Mismatch(name, value, type),
        };

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number)
            || number < min
            || number > max)
        {
            throw Mismatch(name, value, type);
        }

        var integral = (long)number;
        return type switch
        {
            "Long" => JsonValue.Create(integral),
            "Short" => JsonValue.Create((short)integral),
            _ => JsonValue.Create((int)integral),
        };
    }

    private static JsonNode? ToDouble(string name, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => StringOf(value).Trim(),
            _ => throw Mismatch(name, value, "Double"),
        };

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : throw Mismatch(name, value, "Double");
    }

    // Dates stay strings, normalised to ISO 8601 ("2013-01-23T13:42:42.000+00:00").
    private static JsonNode? ToDate(string name, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.String
            && CamundaDateConverter.TryParse(StringOf(value), out var date))
        {
            return JsonValue.Create(date.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        }

        throw Mismatch(name, value, "Date");
    }

    // A JSON text in a string (Camunda Spin style) or a raw JSON value.
    private static JsonNode? ToStructured(string name, JsonNode? value, string type)
    {
        if (value is null || value.GetValueKind() != JsonValueKind.String)
        {
            return value?.DeepClone();
        }

        var text = StringOf(value);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new VariableTypeException(name, type,
                $"Cannot convert value '{text}' of variable '{name}' to type {type}: not valid JSON", exception);
        }
    }

    private static bool IsJsonSerialized(JsonObject? valueInfo) =>
        valueInfo?["serializationDataFormat"] is JsonValue format
        && format.GetValueKind() == JsonValueKind.String
        && string.Equals(StringOf(format).Trim(), JsonDataFormat, StringComparison.OrdinalIgnoreCase);

    // Only called for nodes whose kind is String; values created from Guid, char etc. are read via their JSON text.
    private static string StringOf(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
            ? text
            : JsonSerializer.Deserialize<string>(value.ToJsonString())!;

    private static VariableTypeException Mismatch(string name, JsonNode? value, string type) =>
        new(name, type, $"Cannot convert value '{Describe(value)}' of variable '{name}' to type {type}");

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => StringOf(scalar),
        _ => value.ToJsonString(),
    };
}
