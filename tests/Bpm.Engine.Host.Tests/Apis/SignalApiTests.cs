using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class SignalApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<string> DeployAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("signals.bpmn").Replace("name=\"stock-arrived\"", $"name=\"stock-arrived-{suffix}\"");
        foreach (var key in new[] { "waitsForStock", "announcesStock", "startsOnStock" }) xml = xml.Replace($"id=\"{key}\"", $"id=\"{key}_{suffix}\"");
        Assert.Equal(HttpStatusCode.OK, (await Client.DeployAsync($"signals_{suffix}.bpmn", xml)).StatusCode);
        return suffix;
    }

    private async Task<long> CountAsync(string key) => (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>();

    [Fact]
    public async Task Should_broadcast_a_signal_to_every_waiting_instance_and_start_processes()
    {
        var s = await DeployAsync();
        var first = await Client.StartAsync($"waitsForStock_{s}");
        var second = await Client.StartAsync($"waitsForStock_{s}");

        var response = await Client.PostAsync("signal", $$$$"""{"name": "stock-arrived-{{{{s}}}}", "variables": {"sku": {"value": "A-1"}}}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(first));
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(second));
        Assert.Equal(1, await CountAsync($"startsOnStock_{s}"));
    }

    [Fact]
    public async Task Should_broadcast_a_signal_an_instance_throws_after_its_command_committed()
    {
        var s = await DeployAsync();
        var waiting = await Client.StartAsync($"waitsForStock_{s}");

        await Client.StartAsync($"announcesStock_{s}");

        await EngineClient.EventuallyAsync(async () => await Client.HistoryStateAsync(waiting) == "COMPLETED", TimeSpan.FromSeconds(60), "the thrown signal");
        Assert.Equal(1, await CountAsync($"startsOnStock_{s}"));
    }

    [Fact]
    public async Task Should_reject_a_signal_without_a_name()
    {
        var response = await Client.PostAsync("signal", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SignalApiOnSqlite(SqliteEngine fixture) : SignalApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class SignalApiOnPostgreSql(PostgreSqlEngine fixture) : SignalApiTests(fixture), IClassFixture<PostgreSqlEngine>;
