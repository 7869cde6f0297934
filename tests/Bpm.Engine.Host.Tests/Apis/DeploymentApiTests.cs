using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class DeploymentApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_deploy_a_model_and_answer_with_exactly_application_json()
    {
        var response = await Client.DeployAsync("parallel.bpmn", EngineClient.FixtureXml("parallel-gateway.bpmn").Replace("id=\"parallel\"", "id=\"deployOnce\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.GetValues("Content-Type").Single());
        var deployment = await EngineClient.Json(response);
        var definition = Assert.Single(deployment["deployedProcessDefinitions"]!.AsObject()).Value!;
        Assert.Equal("deployOnce", definition["key"]!.GetValue<string>());
        Assert.Equal(1, definition["version"]!.GetValue<int>());
        Assert.Equal("test deployment", deployment["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_create_a_new_version_only_when_the_content_changed_with_duplicate_filtering()
    {
        var key = "versioned_" + Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("parallel-gateway.bpmn").Replace("id=\"parallel\"", $"id=\"{key}\"");
        var filtering = new Dictionary<string, string> { ["enable-duplicate-filtering"] = "true" };

        await Client.DeployAsync("a.bpmn", xml, filtering);
        var duplicate = await EngineClient.Json(await Client.DeployAsync("a.bpmn", xml, filtering));
        var changed = await EngineClient.Json(await Client.DeployAsync("a.bpmn", xml.Replace("<bpmn:endEvent id=\"end\" />", "<bpmn:endEvent id=\"end\" name=\"Shipped\" />"), filtering));

        Assert.Empty(duplicate["deployedProcessDefinitions"]?.AsObject() ?? []);
        Assert.Equal(2, Assert.Single(changed["deployedProcessDefinitions"]!.AsObject()).Value!["version"]!.GetValue<int>());
        var latest = await Client.GetJsonAsync($"process-definition/key/{key}");
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        var all = await Client.GetJsonAsync($"process-definition?key={key}");
        Assert.Equal(2, all.AsArray().Count);
    }

    [Fact]
    public async Task Should_return_the_deployed_XML()
    {
        var (key, _) = await Client.DeployUniqueAsync("user-task.bpmn", "userTasks");
        var xml = await Client.GetJsonAsync($"process-definition/key/{key}/xml");
        Assert.Contains($"id=\"{key}\"", xml["bpmn20Xml"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("unsupported-elements.bpmn", "call", "complexGateway")]
    [InlineData("dangling-reference.bpmn", "f1", "nowhere")]
    public async Task Should_reject_a_model_with_details_per_resource_and_deploy_nothing(string fixtureName, string elementId, string mentioned)
    {
        var before = (await Client.GetJsonAsync("deployment/count"))["count"]!.GetValue<long>();

        var response = await Client.DeployAsync(fixtureName, EngineClient.FixtureXml(fixtureName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EngineClient.Json(response);
        Assert.Equal("ParseException", body["type"]!.GetValue<string>());
        var errors = body["details"]![fixtureName]!["errors"]!.AsArray();
        var error = errors.Single(e => e!["mainElementId"]?.GetValue<string>() == elementId)!;
        Assert.Contains(mentioned, error["message"]!.GetValue<string>());
        Assert.True(error["line"]!.GetValue<int>() > 0);
        Assert.True(error["column"]!.GetValue<int>() > 0);
        Assert.Equal(before, (await Client.GetJsonAsync("deployment/count"))["count"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\">", "not well-formed")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"&x;\"/></bpmn:definitions>", "DOCTYPE")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"&c;\"/></bpmn:definitions>", "DOCTYPE")]
    public async Task Should_reject_hostile_or_malformed_XML_at_once(string xml, string mentioned)
    {
        var watch = Stopwatch.StartNew();
        var response = await Client.DeployAsync("hostile.bpmn", xml);
        watch.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await EngineClient.Json(response))["message"]!.GetValue<string>());
        // An expanded entity bomb would take minutes and gigabytes; a refusal is a request like any other.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Should_refuse_every_call_without_a_valid_API_key()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.Engine.BaseAddress, "/engine-rest/") };
        var missing = await anonymous.GetAsync("process-definition");
        anonymous.DefaultRequestHeaders.Add("x-api-key", "wrong");
        var wrong = await anonymous.PostAsync("process-definition/key/any/start", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("AuthenticationException", (await EngineClient.Json(wrong))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_definition()
    {
        var response = await Client.PostAsync("process-definition/key/doesNotExist/start", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("doesNotExist", (await EngineClient.Json(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_report_the_Camunda_API_version()
    {
        var version = await Client.GetJsonAsync("version");
        Assert.StartsWith("7.", version["version"]!.GetValue<string>());
    }
}

public sealed class DeploymentApiOnSqlite(SqliteEngine fixture) : DeploymentApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class DeploymentApiOnPostgreSql(PostgreSqlEngine fixture) : DeploymentApiTests(fixture), IClassFixture<PostgreSqlEngine>;
