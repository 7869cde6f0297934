using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Designer.People;

namespace Bpm.Designer.Engine;

/// <summary>
/// The engine's Camunda 7 REST API under <c>/engine-rest</c>, as the designer uses it; the only way it reaches the engine.
/// Calls on tasks and the operators' and analysts' calls name the page's user in <c>x-bpm-user</c> (with their groups in
/// <c>x-bpm-groups</c>, for an engine whose people come from an identity provider), so the engine checks what that
/// user may do.
/// </summary>
public sealed class EngineClient(HttpClient http, CurrentUser? user = null)
{
    public const string Source = "Bpm Designer";
    public const string UserHeader = "x-bpm-user";
    public const string GroupsHeader = "x-bpm-groups";

    /// <summary>Whether the engine accepts this user's password (HTTP Basic, which the engine checks before any key).</summary>
    public async Task<bool> VerifyAsync(string userId, string password, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "task/count?taskId=-");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userId}:{password}")));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) return false;
        await EnsureSuccessAsync(response, ct);
        return true;
    }

    // Definitions and deployments
    public Task<List<ProcessDefinitionDto>> DefinitionsAsync(CancellationToken ct = default) =>
        GetAsync<List<ProcessDefinitionDto>>("process-definition", ct);

    /// <summary>
    /// The ids of the definitions the signed-in user may start by hand (a process may name its candidate starters); null
    /// when the engine does not act for the designer's users, as a key starts any process.
    /// </summary>
    public async Task<HashSet<string>?> StartableDefinitionIdsAsync(CancellationToken ct = default) =>
        user?.ActingFor is { } id
            ? [.. (await GetAsync<List<ProcessDefinitionDto>>($"process-definition?startableBy={Esc(id)}", ct, asUser: true)).Select(d => d.Id)]
            : null;

    public async Task<string> DefinitionXmlAsync(string definitionId, CancellationToken ct = default) =>
        (await GetAsync<ProcessDefinitionXmlDto>($"process-definition/{Esc(definitionId)}/xml", ct)).Bpmn20Xml;

    public async Task<DeploymentDto> DeployAsync(string name, string fileName, string xml, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "deployment-name" },
            { new StringContent(Source), "deployment-source" },
            { new StringContent("true"), "enable-duplicate-filtering" },
            { new StringContent("true"), "deploy-changed-only" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(xml)), "data", fileName },
        };
        using var response = await CallAsync(HttpMethod.Post, "deployment/create", form, asUser: true, ct);
        return await ReadAsync<DeploymentDto>(response, ct);
    }

    /// <summary>The activity catalog: the element templates worker hosts published (<c>/api/activity-templates</c>, beside <c>/engine-rest</c>).</summary>
    public Task<JsonArray> ActivityTemplatesAsync(CancellationToken ct = default) => GetAsync<JsonArray>("../api/activity-templates", ct);

    public Task<ProcessInstanceDto> StartAsync(string definitionId, string? businessKey, Dictionary<string, VariableValueDto>? variables = null, CancellationToken ct = default) =>
        PostAsync<ProcessInstanceDto>($"process-definition/{Esc(definitionId)}/start", new StartProcessInstanceDto(variables, businessKey), ct, asUser: true);

    // Tasks
    public Task<List<TaskDto>> TasksAsync(string query, CancellationToken ct = default) => GetAsync<List<TaskDto>>("task?" + query, ct, asUser: true);

    public Task<TaskDto> TaskAsync(string taskId, CancellationToken ct = default) => GetAsync<TaskDto>($"task/{Esc(taskId)}", ct, asUser: true);

    public Task ClaimAsync(string taskId, string userId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"task/{Esc(taskId)}/claim", new UserIdDto(userId), ct, asUser: true);

    public Task UnclaimAsync(string taskId, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"task/{Esc(taskId)}/unclaim", null, ct, asUser: true);

    /// <summary>Sets the task's due and follow-up dates; its name, assignee and priority stay (Camunda's <c>PUT /task/{id}</c> replaces them all).</summary>
    public Task SetDatesAsync(TaskDto task, DateTimeOffset? due, DateTimeOffset? followUp, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"task/{Esc(task.Id)}", new UpdateTaskDto(task.Name, task.Assignee, due, followUp, task.Priority), ct, asUser: true);

    public Task CompleteAsync(string taskId, Dictionary<string, VariableValueDto> variables, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"task/{Esc(taskId)}/complete", new CompleteTaskDto(variables), ct, asUser: true);

    public Task<Dictionary<string, VariableValueDto>> FormVariablesAsync(string taskId, CancellationToken ct = default) =>
        GetAsync<Dictionary<string, VariableValueDto>>($"task/{Esc(taskId)}/form-variables", ct, asUser: true);

    // Instances, history and incidents
    public Task<List<HistoricProcessInstanceDto>> HistoricInstancesAsync(string query, CancellationToken ct = default) =>
        GetAsync<List<HistoricProcessInstanceDto>>("history/process-instance?" + query, ct);

    public Task<HistoricProcessInstanceDto> HistoricInstanceAsync(string id, CancellationToken ct = default) =>
        GetAsync<HistoricProcessInstanceDto>($"history/process-instance/{Esc(id)}", ct);

    public Task<List<HistoricActivityInstanceDto>> HistoricActivitiesAsync(string instanceId, CancellationToken ct = default) =>
        GetAsync<List<HistoricActivityInstanceDto>>($"history/activity-instance?processInstanceId={Esc(instanceId)}", ct);

    public Task<ActivityInstanceDto> ActivityInstancesAsync(string instanceId, CancellationToken ct = default) =>
        GetAsync<ActivityInstanceDto>($"process-instance/{Esc(instanceId)}/activity-instances", ct);

    public Task<List<ProcessInstanceDto>> RunningInstancesAsync(CancellationToken ct = default) =>
        GetAsync<List<ProcessInstanceDto>>("process-instance", ct);

    public Task<List<IncidentDto>> IncidentsAsync(string? instanceId = null, CancellationToken ct = default) =>
        GetAsync<List<IncidentDto>>(instanceId is null ? "incident" : $"incident?processInstanceId={Esc(instanceId)}", ct);

    public Task RetryAsync(string incidentId, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"incident/{Esc(incidentId)}/retry", null, ct, asUser: true);

    public Task<Dictionary<string, VariableValueDto>> VariablesAsync(string instanceId, CancellationToken ct = default) =>
        GetAsync<Dictionary<string, VariableValueDto>>($"process-instance/{Esc(instanceId)}/variables", ct);

    public Task ModifyVariablesAsync(string instanceId, Dictionary<string, VariableValueDto>? modifications, List<string>? deletions, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"process-instance/{Esc(instanceId)}/variables", new PatchVariablesDto(modifications, deletions), ct, asUser: true);

    public Task SetSuspendedAsync(string instanceId, bool suspended, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"process-instance/{Esc(instanceId)}/suspended", new SuspensionStateDto(suspended), ct, asUser: true);

    public Task CancelAsync(string instanceId, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"process-instance/{Esc(instanceId)}", null, ct, asUser: true);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct, bool asUser = false)
    {
        using var response = await CallAsync(HttpMethod.Get, path, null, asUser, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>Sends one call, as the signed-in user when <paramref name="asUser"/>; the caller reads and disposes the answer.</summary>
    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, HttpContent? content, bool asUser, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (asUser) foreach (var (name, value) in ActingHeaders(user)) request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request, ct);
    }

    private static JsonContent? Json(object? body) => body is null ? null : JsonContent.Create(body, body.GetType(), options: CamundaJson.Options);

    /// <summary>The headers that name the user the engine should act for, when there is one.</summary>
    public static IEnumerable<(string Name, string Value)> ActingHeaders(CurrentUser? user)
    {
        if (user?.ActingFor is not { } id) yield break;
        yield return (UserHeader, id);
        yield return (GroupsHeader, string.Join(',', user.User.Groups));
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct, bool asUser)
    {
        using var response = await CallAsync(HttpMethod.Post, path, Json(body), asUser, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct, bool asUser = false)
    {
        using var response = await CallAsync(method, path, Json(body), asUser, ct);
        await EnsureSuccessAsync(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(CamundaJson.Options, ct)
            ?? throw new EngineApiException(response.StatusCode, "EmptyResponse", $"The engine answered {response.RequestMessage?.RequestUri} with nothing");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(ct);
        ParseExceptionDto? parse = null;
        string type = "HttpError", message = $"The engine answered {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("type", out var t)) type = t.GetString() ?? type;
            if (json.RootElement.TryGetProperty("message", out var m)) message = m.GetString() ?? message;
            if (json.RootElement.TryGetProperty("details", out _)) parse = json.RootElement.Deserialize<ParseExceptionDto>(CamundaJson.Options);
        }
        catch (JsonException)
        {
            // Not Camunda's error shape (a proxy's page, say): the status line says enough.
        }
        throw new EngineApiException(response.StatusCode, type, message, parse);
    }
}
