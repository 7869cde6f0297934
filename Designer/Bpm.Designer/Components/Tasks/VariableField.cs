using System.Globalization;
using System.Text.Json.Nodes;
using Bpm.Contracts.Rest;

namespace Bpm.Designer.Components.Tasks;

/// <summary>One field of a generated form: a variable's name, Camunda type and the text the user edits.</summary>
public sealed class VariableField
{
    public static readonly string[] Types = ["String", "Boolean", "Long", "Double", "Json"];

    public string Name { get; set; } = "";
    public string Type { get; set; } = "String";
    public string Text { get; set; } = "";
    public bool Flag { get; set; }
    /// <summary>Added by the user, not read from the task.</summary>
    public bool IsNew { get; init; }

    public static VariableField From(string name, VariableValueDto variable)
    {
        var type = Types.FirstOrDefault(t => string.Equals(t, variable.Type, StringComparison.OrdinalIgnoreCase))
            ?? (variable.Type is "Integer" or "Short" ? "Long" : variable.Value is JsonObject or JsonArray ? "Json" : "String");
        return new VariableField
        {
            Name = name,
            Type = type,
            Flag = type == "Boolean" && variable.Value is JsonValue b && b.TryGetValue<bool>(out var flag) && flag,
            Text = variable.Value switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var node => node.ToJsonString(),
            },
        };
    }

    /// <summary>The typed variable to send; a value that does not fit its type is a clear error naming the field.</summary>
    public VariableValueDto ToVariable()
    {
        JsonNode? value = Type switch
        {
            "Boolean" => JsonValue.Create(Flag),
            "Long" => long.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : throw Invalid("a whole number"),
            "Double" => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : throw Invalid("a number"),
            "Json" => Parse(),
            _ => JsonValue.Create(Text),
        };
        return new VariableValueDto(value, Type, null);
    }

    private JsonNode? Parse()
    {
        try { return JsonNode.Parse(Text); }
        catch (System.Text.Json.JsonException) { throw Invalid("JSON"); }
    }

    private FormatException Invalid(string what) => new($"'{Name}' must be {what}, was '{Text}'");
}
