using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>A call activity starts another process and waits for it, all inside the commands of the two instances.</summary>
public abstract class CallActivityTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<(string Caller, string Child, string Suffix)> StartAsync()
    {
        var s = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("call-activity.bpmn")
            .Replace("id=\"caller\"", $"id=\"caller_{s}\"").Replace("id=\"callee\"", $"id=\"callee_{s}\"").Replace("calledElement=\"callee\"", $"calledElement=\"callee_{s}\"");
        Assert.Equal(HttpStatusCode.OK, (await Client.DeployAsync($"call_{s}.bpmn", xml)).StatusCode);
        var caller = await Client.StartAsync($"caller_{s}", """{"phone": {"value": "+34 600 000 000"}}""", businessKey: $"case-{s}");
        var child = Assert.Single((await Client.GetJsonAsync($"history/process-instance?superProcessInstanceId={caller}")).AsArray())!;
        return (caller, child["id"]!.GetValue<string>(), s);
    }

    private async Task<string> DialTaskAsync(string child)
    {
        var task = Assert.Single((await Client.GetJsonAsync($"external-task?processInstanceId={child}")).AsArray())!["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{task}/lock", """{"workerId": "w", "lockDuration": 60000}""");
        return task;
    }

    [Fact]
    public async Task Should_start_the_called_process_with_mapped_variables_and_business_key_and_return_its_outcome()
    {
        var (caller, child, s) = await StartAsync();
        var called = await Client.GetJsonAsync($"process-instance/{child}");
        Assert.Equal($"case-{s}", called["businessKey"]!.GetValue<string>());
        var childVariables = await Client.GetJsonAsync($"process-instance/{child}/variables");
        Assert.Equal("+34 600 000 000", childVariables["number"]!["value"]!.GetValue<string>());
        Assert.Null(childVariables["phone"]);

        await Client.CompleteExternalTaskAsync(await DialTaskAsync(child), "w", """{"outcome": {"value": "promised"}}""");

        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(child));
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(caller));
        Assert.Equal(["start", "callDebtor", "called"], await Client.PathAsync(caller));
        var history = await Client.GetJsonAsync($"history/process-instance/{caller}");
        Assert.Equal("COMPLETED", history["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_throw_an_error_the_called_process_does_not_catch_to_the_call_activity()
    {
        var (caller, child, _) = await StartAsync();

        var response = await Client.PostAsync($"external-task/{await DialTaskAsync(child)}/bpmnError", """{"workerId": "w", "errorCode": "NO_ANSWER"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("INTERNALLY_TERMINATED", await Client.HistoryStateAsync(child));
        Assert.Equal(["start", "callDebtor", "noAnswer", "unreached"], await Client.PathAsync(caller));
    }

    [Fact]
    public async Task Should_start_the_called_process_once_from_a_due_job_when_the_call_activity_is_asynchronous()
    {
        // A job that reaches another instance cannot fire in a batch: it goes back and runs on its own.
        var s = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("call-activity.bpmn")
            .Replace("id=\"caller\"", $"id=\"caller_{s}\"").Replace("id=\"callee\"", $"id=\"callee_{s}\"")
            .Replace("calledElement=\"callee\"", $"calledElement=\"callee_{s}\" camunda:asyncBefore=\"true\"");
        Assert.Equal(HttpStatusCode.OK, (await Client.DeployAsync($"call_{s}.bpmn", xml)).StatusCode);
        var callers = new List<string>();
        for (var i = 0; i < 3; i++) callers.Add(await Client.StartAsync($"caller_{s}", """{"phone": {"value": "+34 600 000 000"}}"""));

        await EngineClient.EventuallyAsync(async () => (await Client.GetJsonAsync($"job/count?processDefinitionKey=caller_{s}"))["count"]!.GetValue<long>() == 0,
            TimeSpan.FromSeconds(30), "the continuations to run");

        foreach (var caller in callers)
        {
            var child = Assert.Single((await Client.GetJsonAsync($"history/process-instance?superProcessInstanceId={caller}")).AsArray())!;
            Assert.Single((await Client.GetJsonAsync($"external-task?processInstanceId={child["id"]!.GetValue<string>()}")).AsArray());
            Assert.Equal(["start", "callDebtor"], await Client.PathAsync(caller));
        }
    }

    [Fact]
    public async Task Should_cancel_the_called_instance_with_its_caller()
    {
        var (caller, child, _) = await StartAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"process-instance/{caller}")).StatusCode);

        Assert.Equal("INTERNALLY_TERMINATED", await Client.HistoryStateAsync(child));
        Assert.Empty((await Client.GetJsonAsync($"external-task?processInstanceId={child}")).AsArray());
    }
}

public sealed class CallActivityOnSqlite(SqliteEngine fixture) : CallActivityTests(fixture), IClassFixture<SqliteEngine>;

public sealed class CallActivityOnPostgreSql(PostgreSqlEngine fixture) : CallActivityTests(fixture), IClassFixture<PostgreSqlEngine>;
