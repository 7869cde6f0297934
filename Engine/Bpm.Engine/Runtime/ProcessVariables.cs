using System.Text.Json.Nodes;

namespace Bpm.Engine.Runtime;

/// <summary>Reads the variables of an instance as a token sees them.</summary>
public static class ProcessVariables
{
    /// <summary>Every variable visible from a token, inner scopes shadowing outer ones, as one new object.</summary>
    public static JsonObject Visible(ProcessInstance instance, Token? token)
    {
        var chain = new List<JsonObject>();
        for (var scope = token; scope is not null; scope = scope.ScopeTokenId is null ? null : instance.FindToken(scope.ScopeTokenId))
        {
            if (scope.Variables is not null) chain.Add(scope.Variables);
        }
        chain.Add(instance.Variables);
        var visible = new JsonObject();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in chain[i]) visible[name] = value?.DeepClone();
        }
        return visible;
    }
}
