using System.Xml.Linq;
using Bpm.Testing;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Tests;

public sealed class SeedWorkersExtensionsTests
{
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    private static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bpm:Worker:PublishCatalog"] = "false",
            ["Bpm:Integrations:Slack:WebhookUrl"] = "https://hooks.example/x",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        // What a host provides: the workers wait for its start before they publish their catalog.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        services.AddBpmWorkers(configuration).AddSeedWorkers(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IEnumerable<string> ModelTopics()
    {
        return Directory.GetFiles(SourceTree.PathOf("Engine/Bpm.Engine.Host/models"), "*.bpmn")
            .SelectMany(file => XDocument.Load(file).Descendants().Select(e => (string?)e.Attribute(Camunda + "topic")))
            .OfType<string>();
    }

    [Fact]
    public void Should_serve_exactly_the_topics_of_the_shipped_models()
    {
        using var services = Services();
        var served = services.GetServices<HandlerRegistration>().Select(r => r.Topic).ToList();

        Assert.Equal(served.Count, served.Distinct().Count());
        Assert.Equal(ModelTopics().Distinct().Order(), served.Order());
        Assert.Equal(25, served.Count);
    }

    [Fact]
    public void Should_resolve_every_handler_and_describe_it_for_the_palette()
    {
        using var services = Services();
        using var scope = services.CreateScope();

        foreach (var registration in services.GetServices<HandlerRegistration>())
        {
            Assert.IsAssignableFrom<ITaskHandler>(scope.ServiceProvider.GetRequiredService(registration.HandlerType));
            Assert.False(string.IsNullOrWhiteSpace(registration.Activity.Name));
            Assert.False(string.IsNullOrWhiteSpace(registration.Activity.Category));
            Assert.NotEmpty(registration.Activity.Outputs ?? []);
        }
    }
}
