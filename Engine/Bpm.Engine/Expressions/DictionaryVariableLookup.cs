using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>Variables held in a dictionary or a JSON object.</summary>
public sealed class DictionaryVariableLookup : IVariableLookup
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _variables;

    public DictionaryVariableLookup(IReadOnlyDictionary<string, JsonNode?> variables) => _variables = variables;

    public DictionaryVariableLookup(JsonObject variables)
        : this(variables.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
    {
    }

    public bool TryGet(string name, out JsonNode? value) => _variables.TryGetValue(name, out value);
}
