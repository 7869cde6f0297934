using System.Globalization;
using System.Text.Json.Nodes;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Attributes that may be literal text or an expression (<c>camunda:assignee="${initiator}"</c>,
/// <c>zeebe:assignmentDefinition assignee="=owner"</c>). A failed evaluation raises an incident and yields null.
/// </summary>
internal static class ValueExpressions
{
    public static string? String(CommandContext context, Token token, string text, string attribute)
    {
        var value = Evaluate(context, token, text, attribute, out var ok);
        if (!ok) return null;
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    public static IReadOnlyList<string>? List(CommandContext context, Token token, string? text, string attribute)
    {
        if (text is null) return [];
        var value = Evaluate(context, token, text, attribute, out var ok);
        if (!ok) return null;
        return value switch
        {
            null => [],
            JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString() ?? "")
                .Where(s => s.Length > 0).ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => Split(s),
            _ => [value.ToJsonString()],
        };
    }

    public static DateTimeOffset? Date(CommandContext context, Token token, string? text, string attribute)
    {
        if (text is null) return null;
        var value = String(context, token, text, attribute);
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;
        context.Fail(token, IncidentTypes.FailedExpression, $"The {attribute} of '{token.NodeId}' is not a date: '{value}'");
        return null;
    }

    private static JsonNode? Evaluate(CommandContext context, Token token, string text, string attribute, out bool ok)
    {
        var result = context.Evaluate(text, token);
        ok = result.IsSuccess;
        if (!ok) context.Fail(token, IncidentTypes.FailedExpression, $"The {attribute} expression of '{token.NodeId}' failed: {result.Error}");
        return result.Value;
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
