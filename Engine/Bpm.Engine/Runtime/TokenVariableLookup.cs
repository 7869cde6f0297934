using System.Text.Json.Nodes;
using Bpm.Engine.Expressions;

namespace Bpm.Engine.Runtime;

/// <summary>The variables visible from a token: its own, then each enclosing scope, then the process.</summary>
internal sealed class TokenVariableLookup(ProcessInstance instance, Token? token, JsonObject? overlay = null) : IVariableLookup
{
    public bool TryGet(string name, out JsonNode? value)
    {
        if (overlay is not null && overlay.TryGetPropertyValue(name, out value)) return true;
        for (var scope = token; scope is not null; scope = scope.ScopeTokenId is null ? null : instance.FindToken(scope.ScopeTokenId))
        {
            if (scope.Variables is not null && scope.Variables.TryGetPropertyValue(name, out value)) return true;
        }
        return instance.Variables.TryGetPropertyValue(name, out value);
    }
}
