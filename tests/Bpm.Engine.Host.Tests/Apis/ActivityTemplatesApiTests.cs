using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class ActivityTemplatesApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private static string Template(string id, string type) =>
        "{\"name\": \"Sync " + id + "\", \"id\": \"" + id + "\", \"version\": 2, \"appliesTo\": [\"bpmn:Task\"], " +
        "\"properties\": [{\"type\": \"Hidden\", \"value\": \"" + type + "\", \"binding\": {\"type\": \"zeebe:taskDefinition\", \"property\": \"type\"}}]}";

    [Fact]
    public async Task Should_replace_what_a_source_published_and_keep_other_sources()
    {
        var source = "pool-" + Guid.NewGuid().ToString("N")[..6];
        var other = "pool-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"/api/activity-templates/{source}", $"[{Template(source + ".a", "a")}, {Template(source + ".b", "b")}]")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"/api/activity-templates/{other}", $"[{Template(other + ".c", "c")}]")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"/api/activity-templates/{source}", $"[{Template(source + ".b", "b2")}]")).StatusCode);

        var ids = (await Client.GetJsonAsync("/api/activity-templates")).AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(source + ".a", ids);
        Assert.Contains(source + ".b", ids);
        Assert.Contains(other + ".c", ids);
    }

    [Theory]
    [InlineData("""{"not": "an array"}""", "not valid JSON")]
    [InlineData("""[42]""", "Template [0] must be a JSON object")]
    [InlineData("""[{"id": "x.no-name"}]""", "needs a non-empty string 'name'")]
    [InlineData("""[{"id": "x.untyped", "name": "Untyped", "properties": []}]""", "has no zeebe:taskDefinition type property")]
    public async Task Should_refuse_a_malformed_catalog_and_name_the_problem(string body, string problem)
    {
        var response = await Client.PutAsync("/api/activity-templates/bad-pool", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, (await EngineClient.Json(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_template_id_another_source_owns()
    {
        var id = "shared." + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync("/api/activity-templates/owner", $"[{Template(id, "a")}]")).StatusCode);

        var response = await Client.PutAsync("/api/activity-templates/intruder", $"[{Template(id, "a")}]");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already published by source 'owner'", (await EngineClient.Json(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_require_an_api_key()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Engine.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/activity-templates")).StatusCode);
    }
}

public sealed class ActivityTemplatesApiOnSqlite(SqliteEngine fixture) : ActivityTemplatesApiTests(fixture), IClassFixture<SqliteEngine>;
public sealed class ActivityTemplatesApiOnPostgreSql(PostgreSqlEngine fixture) : ActivityTemplatesApiTests(fixture), IClassFixture<PostgreSqlEngine>;
