using System.Text.Json.Nodes;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>One Kubernetes object as rendered, its fields as JSON (every scalar a string, as YAML gives it).</summary>
public sealed record Manifest(string Kind, string Name, JsonObject Body)
{
    public JsonNode? At(params string[] path)
    {
        JsonNode? node = Body;
        foreach (var step in path) node = node?[step];
        return node;
    }

    public string? Text(params string[] path) => At(path)?.GetValue<string>();

    public override string ToString() => $"{Kind}/{Name}";
}
