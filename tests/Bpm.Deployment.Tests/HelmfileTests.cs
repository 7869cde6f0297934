using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bpm.Deployment.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Bpm.Deployment.Tests;

/// <summary><c>helmfile.yaml</c> and the YAML of <c>k8s/</c>: well-formed, and every file, release and value they name exists.</summary>
public sealed class HelmfileTests
{
    [Fact]
    public async Task Should_pass_yamllint()
    {
        var result = await Tool.RunAsync("yamllint", ["--strict", "--config-file", ".yamllint", "k8s", "helmfile.yaml"]);

        Assert.True(result.ExitCode == 0, result.Describe("yamllint"));
    }

    [Fact]
    public void Should_define_dev_and_prod_with_values_files_that_exist()
    {
        var helmfile = Read();

        Assert.Equal(["dev", "prod"], helmfile.Environments.Keys.Order());
        foreach (var (name, files) in helmfile.Environments)
            Assert.All(files, f => Assert.True(File.Exists(Repository.PathOf(f)), $"environment {name}: {f} does not exist"));
    }

    [Fact]
    public void Should_install_postgresql_kafka_rabbitmq_and_keda_from_their_charts()
    {
        var releases = Read().Releases.ToDictionary(r => r["name"]!.GetValue<string>(), r => r["chart"]!.GetValue<string>());

        Assert.Equal("bitnami/postgresql", releases["postgresql"]);
        Assert.Equal("bitnami/kafka", releases["kafka"]);
        Assert.Equal("bitnami/rabbitmq", releases["rabbitmq"]);
        Assert.Equal("kedacore/keda", releases["keda"]);
        Assert.Contains("kraft:\n  enabled: true", Repository.Read("k8s/helmfile/values/kafka.yaml.gotmpl"));
    }

    [Fact]
    public void Should_name_only_repositories_values_files_and_needed_releases_that_exist()
    {
        var helmfile = Read();
        var repositories = helmfile.Repositories;
        var releases = helmfile.Releases.Select(r => $"{r["namespace"]!.GetValue<string>()}/{r["name"]!.GetValue<string>()}").ToHashSet();

        foreach (var release in helmfile.Releases)
        {
            var name = release["name"]!.GetValue<string>();
            var chart = release["chart"]!.GetValue<string>();
            if (chart.StartsWith("./", StringComparison.Ordinal))
                Assert.True(File.Exists(Repository.PathOf(chart[2..] + "/kustomization.yaml")), $"{name}: {chart} is no kustomization");
            else
                Assert.Contains(chart.Split('/')[0], repositories);
            Assert.False(string.IsNullOrEmpty(release["version"]?.GetValue<string>()) && !chart.StartsWith("./", StringComparison.Ordinal), $"{name}: no chart version");
            foreach (var file in release["values"]?.AsArray() ?? [])
                Assert.True(File.Exists(Repository.PathOf(file!.GetValue<string>())), $"{name}: values file {file} does not exist");
            foreach (var needed in release["needs"]?.AsArray() ?? [])
                Assert.Contains(needed!.GetValue<string>(), releases);
        }
    }

    [Fact]
    public void Should_deploy_each_environment_s_own_overlay_and_no_other()
    {
        var helmfile = Read();
        foreach (var environment in helmfile.Environments.Keys)
        {
            var values = EnvironmentValues(helmfile, environment);
            var installed = helmfile.Releases
                .Where(r => r["chart"]!.GetValue<string>().StartsWith("./k8s/overlays/", StringComparison.Ordinal))
                .Where(r => Condition(values, r["condition"]?.GetValue<string>()))
                .Select(r => r["chart"]!.GetValue<string>())
                .ToList();

            Assert.Equal([$"./k8s/overlays/{environment}"], installed);
        }
    }

    [Fact]
    public void Should_give_every_environment_each_value_the_release_templates_read()
    {
        var helmfile = Read();
        var templates = Directory.EnumerateFiles(Repository.PathOf("k8s/helmfile/values"), "*.gotmpl").ToList();
        Assert.NotEmpty(templates);
        foreach (var template in templates)
        {
            var text = File.ReadAllText(template);
            var sections = Regex.Matches(text, @"\$(\w+) := \.Values\.(\w+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.NotEmpty(sections);
            foreach (Match use in Regex.Matches(text, @"\$(\w+)\.(\w+)"))
            {
                var section = sections[use.Groups[1].Value];
                foreach (var environment in helmfile.Environments.Keys)
                    Assert.True(EnvironmentValues(helmfile, environment)[section]?.AsObject().ContainsKey(use.Groups[2].Value) == true,
                        $"{Path.GetFileName(template)} reads {section}.{use.Groups[2].Value}, which environment {environment} does not set");
            }
        }
    }

    [Fact]
    public void Should_turn_off_the_charts_own_network_policies_that_would_admit_everyone()
    {
        foreach (var chart in new[] { "postgresql", "kafka", "rabbitmq" })
        {
            var values = Repository.Read($"k8s/helmfile/values/{chart}.yaml.gotmpl");
            Assert.Matches(@"networkPolicy:\s+enabled: false", values);
        }
    }

    private sealed record Helmfile(IReadOnlyDictionary<string, IReadOnlyList<string>> Environments, IReadOnlySet<string> Repositories, IReadOnlyList<JsonObject> Releases);

    private static Helmfile Read()
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(Repository.Read("helmfile.yaml")));
        parser.Consume<StreamStart>();
        var merged = new JsonObject();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Overlay.ToJson(deserializer.Deserialize<object?>(parser)) is not JsonObject part) continue;
            foreach (var (key, value) in part.ToList())
            {
                part.Remove(key);
                merged[key] = value;
            }
        }
        var environments = merged["environments"]!.AsObject().ToDictionary(
            e => e.Key, e => (IReadOnlyList<string>)e.Value!["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
        var repositories = merged["repositories"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToHashSet();
        var releases = merged["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();
        return new Helmfile(environments, repositories, releases);
    }

    private static JsonObject EnvironmentValues(Helmfile helmfile, string environment)
    {
        var values = new JsonObject();
        foreach (var file in helmfile.Environments[environment])
        {
            var part = (JsonObject)Overlay.ToJson(new DeserializerBuilder().Build().Deserialize<object?>(Repository.Read(file)))!;
            foreach (var (key, value) in part.ToList())
            {
                part.Remove(key);
                values[key] = value;
            }
        }
        return values;
    }

    private static bool Condition(JsonObject values, string? condition)
    {
        if (condition is null) return true;
        JsonNode? node = values;
        foreach (var step in condition.Split('.')) node = node?[step];
        var text = node?.GetValue<string>() ?? throw new InvalidOperationException($"condition {condition} is not set");
        return text == "true" ? true : text == "false" ? false : throw new InvalidOperationException($"condition {condition} is '{text}', not a boolean");
    }
}
