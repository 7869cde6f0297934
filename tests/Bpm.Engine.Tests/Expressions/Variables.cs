using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;

namespace Bpm.Engine.Tests.Expressions;

/// <summary>Variable lookups and evaluation shorthands for expression specifications.</summary>
internal static class Variables
{
    public static DictionaryVariableLookup None => new(new JsonObject());

    public static DictionaryVariableLookup Of(string json) => new(JsonNode.Parse(json)!.AsObject());

    public static JsonNode? Value(string expression, string variablesJson = "{}")
    {
        var result = Expression.Parse(expression).Evaluate(Of(variablesJson));
        Assert.True(result.IsSuccess, result.Error);
        return result.Value;
    }

    public static string Error(string expression, string variablesJson = "{}")
    {
        var result = Expression.Parse(expression).Evaluate(Of(variablesJson));
        Assert.False(result.IsSuccess, $"expected a failure but got {result.Value?.ToJsonString() ?? "null"}");
        return result.Error!;
    }

    public static string Json(string expression, string variablesJson = "{}") =>
        Value(expression, variablesJson)?.ToJsonString() ?? "null";
}
