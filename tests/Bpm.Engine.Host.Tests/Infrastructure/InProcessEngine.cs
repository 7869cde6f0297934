using Bpm.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>The engine's services in the test's own process, on a test database, with one BPMN fixture deployed.</summary>
public static class InProcessEngine
{
    public static async Task<ServiceProvider> StartAsync(TestDatabase database, string fixture)
    {
        var services = new ServiceCollection().AddMetrics().AddBpmEngine(o => o.UsePostgreSql(database.ConnectionString)).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var xml = EngineClient.FixtureXml(fixture);
        await services.GetRequiredService<DeploymentService>().DeployAsync(
            new DeploymentRequest(Path.GetFileNameWithoutExtension(fixture), null, null, false, false,
                [new DeploymentResource(fixture, System.Text.Encoding.UTF8.GetBytes(xml))]),
            CancellationToken.None);
        return services;
    }
}
