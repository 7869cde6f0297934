using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>Resolves the top-level names an expression reads.</summary>
public interface IVariableLookup
{
    /// <returns>Whether a variable of that name exists; its value may be JSON null.</returns>
    bool TryGet(string name, out JsonNode? value);
}
