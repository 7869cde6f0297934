using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>An environment of <c>k8s/overlays/</c>, rendered by <c>kubectl kustomize</c> as it would be applied.</summary>
public sealed class Overlay
{
    public static readonly string[] Environments = ["dev", "prod"];

    private static readonly Dictionary<string, Task<Overlay>> Rendered = [];

    private Overlay(string environment, IReadOnlyList<Manifest> objects)
    {
        Environment = environment;
        Objects = objects;
    }

    public string Environment { get; }
    public IReadOnlyList<Manifest> Objects { get; }

    /// <summary>Renders once per test run.</summary>
    public static Task<Overlay> RenderAsync(string environment)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(environment, out var task)) Rendered[environment] = task = RenderNowAsync(environment);
            return task;
        }
    }

    public IEnumerable<Manifest> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public Manifest Single(string kind, string name) =>
        Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name) ?? throw new InvalidOperationException($"{Environment}: no {kind}/{name} rendered");

    /// <summary>Every container of every workload, init containers included.</summary>
    public IEnumerable<Workload> Containers()
    {
        foreach (var workload in Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Job"))
        {
            var pod = workload.At("spec", "template", "spec")!.AsObject();
            foreach (var list in new[] { "initContainers", "containers" })
            {
                foreach (var container in pod[list]?.AsArray() ?? [])
                    yield return new Workload(workload, pod, container!.AsObject());
            }
        }
    }

    /// <summary>The ConfigMap or Secret a reference names (after kustomize appended its hash), when rendered.</summary>
    public IReadOnlyDictionary<string, string>? Data(string kind, string name)
    {
        var found = Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name);
        if (found is null) return null;
        var data = found.At("data")?.AsObject() ?? [];
        return data.ToDictionary(d => d.Key, d => kind == "Secret"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(d.Value!.GetValue<string>()))
            : d.Value!.GetValue<string>());
    }

    private static async Task<Overlay> RenderNowAsync(string environment)
    {
        var result = await Tool.RunAsync("kubectl", ["kustomize", $"k8s/overlays/{environment}"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.Describe($"kubectl kustomize k8s/overlays/{environment}") + "\n(the overlays need kubectl 1.27 or newer, with kustomize v5)");
        return new Overlay(environment, Parse(result.Output));
    }

    public static IReadOnlyList<Manifest> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var objects = new List<Manifest>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (ToJson(deserializer.Deserialize<object?>(parser)) is not JsonObject body) continue;
            objects.Add(new Manifest(
                body["kind"]?.GetValue<string>() ?? throw new InvalidOperationException("An object without a kind"),
                body["metadata"]?["name"]?.GetValue<string>() ?? throw new InvalidOperationException("An object without a name"),
                body));
        }
        return objects;
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, ToJson(e.Value)))),
        IList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}

/// <summary>A container with the workload and pod spec it belongs to.</summary>
public sealed record Workload(Manifest Owner, JsonObject Pod, JsonObject Container)
{
    public string Name => Container["name"]!.GetValue<string>();
    public string Image => Container["image"]!.GetValue<string>();
    public override string ToString() => $"{Owner}/{Name}";
}
