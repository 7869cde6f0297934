using System.Net;
using Bpm.Deployment.Tests.Infrastructure;

namespace Bpm.Deployment.Tests;

/// <summary>The engine host started with the configuration an overlay gives it: it must start, and answer where the manifests probe and scrape.</summary>
public sealed class EngineConfigurationTests
{
    public static TheoryData<string> Environments => new(Overlay.Environments);

    [Theory, MemberData(nameof(Environments))]
    public async Task Should_start_with_the_overlay_configuration_and_answer_every_probe_and_the_scrape(string environment)
    {
        var overlay = await Overlay.RenderAsync(environment);
        var engine = overlay.Containers().Single(c => c.Owner.Kind == "Deployment" && c.Owner.Name == "bpm-engine");
        var ports = engine.Container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<string>());
        var image = Dockerfile.Read("Engine/Bpm.Engine.Host/Dockerfile");

        await using var host = await EngineHost.StartAsync(ManifestTests.EnvironmentOf(overlay, engine));
        using var http = host.Client();

        var probes = new[] { "startupProbe", "livenessProbe", "readinessProbe" }.Select(p => (Name: p, Probe: engine.Container[p]?["httpGet"])).ToList();
        Assert.All(probes, p => Assert.NotNull(p.Probe));
        foreach (var (name, probe) in probes)
        {
            var port = probe!["port"]!.GetValue<string>();
            var number = ports.GetValueOrDefault(port, port);
            Assert.Contains(number, image.All("EXPOSE"));
            Assert.EndsWith($":{number}", image.Environment()["ASPNETCORE_URLS"]);
            var response = await http.GetAsync(probe["path"]!.GetValue<string>());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {probe["path"]}: {(int)response.StatusCode}");
        }
        Assert.Equal("/health/live", engine.Container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/health/ready", engine.Container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());

        var path = overlay.Single("ServiceMonitor", "bpm-engine").At("spec", "endpoints")!.AsArray().Single()!["path"]!.GetValue<string>();
        var scrape = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("bpm_incidents_open", await scrape.Content.ReadAsStringAsync());

        // Bpm__Logging__Json=true in the overlay: every line the host's logging wrote is a JSON object. librdkafka
        // prints its own lines ("%5|...|MOCK|rdkafka#producer-1| ...") past the host's logging.
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"^%\d\|[\d.]+\|")).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.StartsWith("{", line));
    }
}
