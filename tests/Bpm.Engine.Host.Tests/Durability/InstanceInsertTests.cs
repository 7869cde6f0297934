using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;
using Npgsql;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// A new instance is stored whole or not at all. On PostgreSQL its rows go to the server as one batch without
/// <c>BEGIN</c>, which the server runs as one implicit transaction.
/// </summary>
public sealed class InstanceInsertTests
{
    [Fact]
    public async Task Should_store_nothing_of_a_new_instance_when_the_database_refuses_one_of_its_rows()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", "refused-topic"));
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var refuse = new NpgsqlCommand("ALTER TABLE bpm_external_task ADD CONSTRAINT no_refused_topic CHECK (topic <> 'refused-topic')", connection);
            await refuse.ExecuteNonQueryAsync();
        }

        var refused = await client.PostAsync($"process-definition/key/{key}/start", """{"businessKey": "order-1"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(0, await database.CountAsync("bpm_process_instance", "definition_key", key));
        Assert.Equal(0, await database.CountAsync("bpm_activity_instance", "definition_key", key));
        Assert.Equal(0, await database.CountAsync("bpm_external_task", "definition_key", key));
    }
}
