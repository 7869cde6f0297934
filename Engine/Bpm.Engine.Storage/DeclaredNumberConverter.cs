using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bpm.Contracts.Variables;

namespace Bpm.Engine.Storage;

/// <summary>
/// Keeps the declared type of a variable's number in the instance document. A variable set as a <c>Long</c>, a
/// <c>Short</c> or a <c>Double</c> is held as a 64-bit, 16-bit or floating-point number, but its JSON text (<c>5</c>,
/// <c>2</c>) would read back as an <c>Integer</c>. Such a value of a variables object is written as
/// <c>{"$declared": "Long", "value": 5}</c> and read back as the number it was; every other value is written as it is.
/// </summary>
/// <remarks>
/// Only the variables' own values are marked: a number inside an object or a list keeps its JSON form. A value that a
/// command replaces (an output mapping, a script) is typed by what it then is.
/// </remarks>
internal sealed class DeclaredNumberConverter : JsonConverter<JsonObject>
{
    private const string Marker = "$declared";
    private const string Value = "value";

    public override JsonObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException($"A variables object was expected, found {element.ValueKind}");
        var variables = JsonObject.Create(element)!;
        foreach (var property in element.EnumerateObject())
        {
            if (Declared(property.Value) is { } number) variables[property.Name] = number;
        }
        return variables;
    }

    public override void Write(Utf8JsonWriter writer, JsonObject variables, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in variables)
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else if (value is JsonValue number && TypedVariables.HeldNumberType(number) is { } kind)
            {
                writer.WriteStartObject();
                writer.WriteString(Marker, kind);
                writer.WritePropertyName(Value);
                number.WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                value.WriteTo(writer, options);
            }
        }
        writer.WriteEndObject();
    }

    private static JsonValue? Declared(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(Marker, out var kind) || !value.TryGetProperty(Value, out var number)) return null;
        return kind.GetString() switch
        {
            "Long" => JsonValue.Create(number.GetInt64()),
            "Short" => JsonValue.Create(number.GetInt16()),
            "Double" => JsonValue.Create(number.GetDouble()),
            var other => throw new JsonException($"Unknown declared number kind '{other}'"),
        };
    }
}
