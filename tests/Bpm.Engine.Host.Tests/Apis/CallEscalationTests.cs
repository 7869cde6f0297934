using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>An escalation a called process does not catch reaches the call activity of its caller.</summary>
public abstract class CallEscalationTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<(string Caller, string Child)> StartAsync(Func<string, string>? edit = null)
    {
        var s = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("call-escalation.bpmn")
            .Replace("\"escalatingCaller\"", $"\"escalatingCaller_{s}\"").Replace("\"escalatingCallee\"", $"\"escalatingCallee_{s}\"");
        if (edit is not null) xml = edit(xml);
        Assert.Equal(HttpStatusCode.OK, (await Client.DeployAsync($"call_escalation_{s}.bpmn", xml)).StatusCode);
        var caller = await Client.StartAsync($"escalatingCaller_{s}");
        var child = Assert.Single((await Client.GetJsonAsync($"history/process-instance?superProcessInstanceId={caller}")).AsArray())!;
        return (caller, child["id"]!.GetValue<string>());
    }

    private async Task<List<string>> TopicsAsync(string instance) =>
        (await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray().Select(t => t!["topicName"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Should_start_the_call_activitys_non_interrupting_escalation_path_while_the_called_process_goes_on()
    {
        var (caller, child) = await StartAsync();

        Assert.Equal(["notify-manager"], await TopicsAsync(caller));
        Assert.Equal(["dial"], await TopicsAsync(child));
        Assert.Equal("ACTIVE", await Client.HistoryStateAsync(child));
        Assert.Contains("late", await Client.PathAsync(caller));
    }

    [Fact]
    public async Task Should_cancel_the_called_process_when_the_escalation_boundary_event_interrupts()
    {
        var (caller, child) = await StartAsync(xml => xml.Replace("cancelActivity=\"false\"", "cancelActivity=\"true\""));

        Assert.Equal("INTERNALLY_TERMINATED", await Client.HistoryStateAsync(child));
        Assert.Empty(await TopicsAsync(child));
        Assert.Equal(["notify-manager"], await TopicsAsync(caller));
        Assert.Equal(["start", "collectDebt", "late", "notifyManager"], await Client.PathAsync(caller));
    }

    [Fact]
    public async Task Should_change_nothing_when_neither_the_called_process_nor_its_caller_catches_the_escalation()
    {
        var (caller, child) = await StartAsync(xml => xml
            .Replace("<bpmn:escalation id=\"Escalation_Late\" escalationCode=\"LATE\" />",
                "<bpmn:escalation id=\"Escalation_Late\" escalationCode=\"LATE\" />\n  <bpmn:escalation id=\"Escalation_Other\" escalationCode=\"OTHER\" />")
            .Replace("cancelActivity=\"false\">\n      <bpmn:escalationEventDefinition escalationRef=\"Escalation_Late\" />",
                "cancelActivity=\"false\">\n      <bpmn:escalationEventDefinition escalationRef=\"Escalation_Other\" />"));

        Assert.Empty(await TopicsAsync(caller));
        Assert.Equal(["dial"], await TopicsAsync(child));
        Assert.Equal("ACTIVE", await Client.HistoryStateAsync(caller));
        Assert.DoesNotContain("late", await Client.PathAsync(caller));
    }
}

public sealed class CallEscalationOnSqlite(SqliteEngine fixture) : CallEscalationTests(fixture), IClassFixture<SqliteEngine>;

public sealed class CallEscalationOnPostgreSql(PostgreSqlEngine fixture) : CallEscalationTests(fixture), IClassFixture<PostgreSqlEngine>;
