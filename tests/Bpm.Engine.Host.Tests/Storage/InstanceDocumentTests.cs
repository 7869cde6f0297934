using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Storage;

/// <summary>
/// An instance's row holds its state as a document, written again whenever the instance changes. It leaves out what
/// reading gives back anyway: what the row's columns hold (id, definition, state, start), flags that are false,
/// collections that are empty where an instance starts with an empty one, what is worked out from the rest. Documents
/// that spell all of that out still read as before.
/// </summary>
public sealed class InstanceDocumentTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Should_leave_out_of_the_document_what_reading_gives_back(string provider)
    {
        await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");

        var instance = await client.StartAsync(key);

        var document = await DocumentAsync(database, instance);
        Assert.Contains("\"nodeId\":\"work\"", document);
        Assert.Contains("\"state\":\"Waiting\"", document);
        Assert.StartsWith("{\"tokens\":", document);
        foreach (var left in new[] { instance, "definitionId", "definitionKey", "Active", "variables", "timers", "messages", "compensations", "isEnded", "isMultiInstanceBody", "failedLeaving", "false", "[]", "{}" })
            Assert.DoesNotContain(left, document);
        var task = await client.ExternalTaskIdAsync(instance);
        await client.LockExternalTaskAsync(task, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await client.CompleteExternalTaskAsync(task, "w", """{"approved": {"value": false}}""")).StatusCode);
        Assert.Equal("COMPLETED", await client.HistoryStateAsync(instance));
        Assert.Contains("\"approved\":false", await DocumentAsync(database, instance));
        Assert.Equal(instance, (await client.GetJsonAsync($"history/process-instance/{instance}"))["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Should_read_a_document_that_spells_out_its_columns_empty_collections_and_false_flags(string provider)
    {
        await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var instance = await client.StartAsync(key);
        var document = await DocumentAsync(database, instance);
        var definition = await database.ScalarAsync<string>($"SELECT definition_id FROM bpm_process_instance WHERE id = '{instance}'");
        var spelledOut = document.Replace("\"arrivedBy\"", "\"isMultiInstanceBody\":false,\"failedLeaving\":false,\"arrivedBy\"")
            .Replace("{\"tokens\"", $"{{\"id\":\"{instance}\",\"definitionId\":\"{definition}\",\"definitionKey\":\"{key}\",\"state\":\"Active\","
                + "\"startTime\":\"2026-01-05T08:00:00.1234567+00:00\",\"variables\":{},\"timers\":[],\"messages\":[],\"compensations\":[],\"isEnded\":false,\"tokens\"");
        Assert.NotEqual(document, spelledOut);
        await database.ExecuteAsync($"UPDATE bpm_process_instance SET document = '{spelledOut}' WHERE id = '{instance}'");

        var task = await client.ExternalTaskIdAsync(instance);
        await client.LockExternalTaskAsync(task, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await client.CompleteExternalTaskAsync(task, "w")).StatusCode);

        Assert.Equal("COMPLETED", await client.HistoryStateAsync(instance));
    }

    private static Task<string> DocumentAsync(TestDatabase database, string instance) =>
        database.ScalarAsync<string>($"SELECT document FROM bpm_process_instance WHERE id = '{instance}'");
}
