using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>Calls the Camunda 7 REST API as a client would: plain HTTP and JSON.</summary>
public sealed class EngineClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>A client of <paramref name="engine"/> signed in as a user with HTTP Basic auth, without any API key.</summary>
    public static EngineClient AsUser(EngineProcess engine, string user, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(engine.BaseAddress, "/engine-rest/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return new EngineClient(http);
    }

    public static string FixtureXml(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Deploys BPMN text under a process key unique to the calling test, so tests share an engine without meeting.</summary>
    public async Task<(string Key, JsonObject Deployment)> DeployUniqueAsync(string fixture, string key, Func<string, string>? edit = null)
    {
        var unique = key + "_" + Guid.NewGuid().ToString("N")[..8];
        var xml = FixtureXml(fixture).Replace($"id=\"{key}\"", $"id=\"{unique}\"");
        if (edit is not null) xml = edit(xml);
        var response = await DeployAsync(unique + ".bpmn", xml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (unique, (await Json(response)).AsObject());
    }

    public Task<HttpResponseMessage> DeployAsync(string fileName, string xml, IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("test deployment"), "deployment-name");
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileName, fileName);
        return Http.PostAsync("deployment/create", form);
    }

    public async Task<string> StartAsync(string key, string variablesJson = "{}", string? businessKey = null)
    {
        var body = new JsonObject { ["variables"] = JsonNode.Parse(variablesJson) };
        if (businessKey is not null) body["businessKey"] = businessKey;
        var response = await PostAsync($"process-definition/key/{key}/start", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<string>();
    }

    public async Task<JsonArray> FetchAndLockAsync(
        string workerId, string topic, int maxTasks = 10, long lockDuration = 60_000, long? asyncResponseTimeout = null, bool usePriority = false)
    {
        var body = new JsonObject
        {
            ["workerId"] = workerId,
            ["maxTasks"] = maxTasks,
            ["usePriority"] = usePriority,
            ["topics"] = new JsonArray(new JsonObject { ["topicName"] = topic, ["lockDuration"] = lockDuration }),
        };
        if (asyncResponseTimeout is not null) body["asyncResponseTimeout"] = asyncResponseTimeout;
        var response = await PostAsync("external-task/fetchAndLock", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).AsArray();
    }

    /// <summary>The id of an instance's only external task (at <paramref name="activityId"/>, when given).</summary>
    public async Task<string> ExternalTaskIdAsync(string instanceId, string? activityId = null) =>
        (await GetJsonAsync($"external-task?processInstanceId={instanceId}" + (activityId is null ? "" : $"&activityId={activityId}"))).AsArray().Single()!["id"]!.GetValue<string>();

    /// <summary>Locks an external task for <paramref name="workerId"/> for a minute.</summary>
    public async Task LockExternalTaskAsync(string taskId, string workerId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync($"external-task/{taskId}/lock", $$"""{"workerId": "{{workerId}}", "lockDuration": 60000}""")).StatusCode);

    public Task<HttpResponseMessage> CompleteExternalTaskAsync(string taskId, string workerId, string variablesJson = "{}") =>
        PostAsync($"external-task/{taskId}/complete", $$"""{"workerId": "{{workerId}}", "variables": {{variablesJson}}}""");

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PutAsync(string path, string json) =>
        Http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    /// <summary>Waits until <paramref name="done"/> holds, polling; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout} waiting for {what}");
            await Task.Delay(100);
        }
    }

    public async Task<string> HistoryStateAsync(string instanceId) =>
        (await GetJsonAsync($"history/process-instance/{instanceId}"))["state"]!.GetValue<string>();

    /// <summary>Activity ids of the instance's history, in the order tokens entered them.</summary>
    public async Task<List<string>> PathAsync(string instanceId) =>
        (await GetJsonAsync($"history/activity-instance?processInstanceId={instanceId}")).AsArray().Select(a => a!["activityId"]!.GetValue<string>()).ToList();

    public static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON response");
    }
}
