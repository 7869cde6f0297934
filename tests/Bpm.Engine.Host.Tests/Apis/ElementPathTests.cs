using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>Each kind of element, driven through the REST API and the store, leaves the expected path in history.</summary>
public abstract class ElementPathTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Theory]
    [InlineData("exclusive-gateway.bpmn", "exclusive", """{"total": {"value": 900}, "order": {"value": "{}", "type": "Json"}}""", "start,decide,reviewBig,end", "COMPLETED")]
    [InlineData("exclusive-gateway.bpmn", "exclusive", """{"total": {"value": 9}, "order": {"value": "{\"priority\":\"low\"}", "type": "Json"}}""", "start,decide,autoApprove,end", "COMPLETED")]
    [InlineData("inclusive-gateway.bpmn", "inclusive", """{"notifyEmail": {"value": true}, "notifySms": {"value": true}}""", "start,split,email,sms,join,join,done,end", "COMPLETED")]
    [InlineData("inclusive-gateway.bpmn", "inclusive", """{"notifyEmail": {"value": false}, "notifySms": {"value": true}}""", "start,split,sms,join,done,end", "COMPLETED")]
    [InlineData("parallel-gateway.bpmn", "parallel", "{}", "start,fork,checkCredit,checkStock,join,join,ship,end", "COMPLETED")]
    [InlineData("script-task.bpmn", "scripts", """{"items": {"value": "[{\"price\": 2}]", "type": "Json"}}""", "start,compute,feel,end", "COMPLETED")]
    [InlineData("terminate-end.bpmn", "terminate", "{}", "start,fork,slow,fast,kill", "COMPLETED")]
    [InlineData("sub-process.bpmn", "subProcesses", """{"amount": {"value": 1}}""", "start,handle,subStart,pack,milestone,subEnd,end", "COMPLETED")]
    [InlineData("io-mapping.bpmn", "ioMapping", """{"order": {"value": "{\"amount\": 3}", "type": "Json"}}""", "start,charge,end", "COMPLETED")]
    public async Task Should_record_the_token_path(string fixtureName, string key, string variables, string path, string state)
    {
        var (unique, _) = await Client.DeployUniqueAsync(fixtureName, key);
        var instance = await Client.StartAsync(unique, variables);

        await DriveToEndAsync(instance);

        Assert.Equal(path.Split(','), await Client.PathAsync(instance));
        Assert.Equal(state, await Client.HistoryStateAsync(instance));
    }

    /// <summary>Completes every waiting task of the instance, in creation order, until none is left.</summary>
    private async Task DriveToEndAsync(string instance)
    {
        for (var round = 0; round < 20; round++)
        {
            var external = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray();
            var human = (await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray();
            if (external.Count == 0 && human.Count == 0) return;
            foreach (var task in external)
            {
                var id = task!["id"]!.GetValue<string>();
                Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"external-task/{id}/lock", """{"workerId": "driver", "lockDuration": 10000}""")).StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(id, "driver", """{"chargeId": {"value": "ch_9"}}""")).StatusCode);
            }
            foreach (var task in human)
                Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{task!["id"]!.GetValue<string>()}/complete", "{}")).StatusCode);
        }
        Assert.Fail("The instance did not reach its end within 20 rounds");
    }
}

public sealed class ElementPathOnSqlite(SqliteEngine fixture) : ElementPathTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ElementPathOnPostgreSql(PostgreSqlEngine fixture) : ElementPathTests(fixture), IClassFixture<PostgreSqlEngine>;
