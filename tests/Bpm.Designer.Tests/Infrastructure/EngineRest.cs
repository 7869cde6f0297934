using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bpm.Contracts;
using Bpm.Contracts.Rest;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>What the journeys do behind the browser: deploy a fixture under a key of their own, play the worker, check the outcome.</summary>
public static class EngineRest
{
    /// <summary>Starts an instance of the latest version of <paramref name="processKey"/>; <paramref name="body"/> as Camunda's start call takes it.</summary>
    public static async Task<ProcessInstanceDto> StartAsync(HttpClient engine, string processKey, object body)
    {
        var started = await engine.PostAsJsonAsync($"process-definition/key/{processKey}/start", body);
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<ProcessInstanceDto>(CamundaJson.Options))!;
    }

    public static async Task DeployAsync(HttpClient engine, string fixture, string processKey)
    {
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)))
            .Replace("expense-approval", processKey)
            .Replace("type=\"book-expense\"", $"type=\"{TopicOf(processKey)}\"");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(processKey), "deployment-name" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(xml)), "data", processKey + ".bpmn" },
        };
        (await engine.PostAsync("deployment/create", form)).EnsureSuccessStatusCode();
    }

    /// <summary>The service task's topic in a fixture deployed under this key, so journeys never fetch one another's tasks.</summary>
    public static string TopicOf(string processKey) => processKey + "-booking";

    /// <summary>Locks the one external task of the topic as a worker would; fails the test when there is none.</summary>
    public static async Task<string> FetchAsync(HttpClient engine, string topic)
    {
        var response = await engine.PostAsJsonAsync("external-task/fetchAndLock", new
        {
            workerId = "journey-worker",
            maxTasks = 1,
            topics = new[] { new { topicName = topic, lockDuration = 30_000 } },
        });
        response.EnsureSuccessStatusCode();
        var locked = await response.Content.ReadFromJsonAsync<JsonArray>();
        return Assert.Single(locked!)!["id"]!.GetValue<string>();
    }

    public static async Task CompleteAsync(HttpClient engine, string externalTaskId) =>
        (await engine.PostAsJsonAsync($"external-task/{externalTaskId}/complete", new { workerId = "journey-worker" })).EnsureSuccessStatusCode();

    public static async Task FailAsync(HttpClient engine, string externalTaskId, string message) =>
        (await engine.PostAsJsonAsync($"external-task/{externalTaskId}/failure",
            new { workerId = "journey-worker", errorMessage = message, retries = 0, retryTimeout = 0 })).EnsureSuccessStatusCode();

    /// <summary>Waits, polling, until the instance of the business key reaches the state; fails the test with the last state seen.</summary>
    public static async Task<HistoricProcessInstanceDto> WaitForStateAsync(HttpClient engine, string businessKey, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var instance = await InstanceAsync(engine, businessKey);
            if (instance.State == state) return instance;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Instance {businessKey} is {instance.State}, not {state}, after {timeout}");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits, polling, until the instance has an open incident other than <paramref name="besides"/>; fails the test when none comes.</summary>
    public static async Task<IncidentDto> WaitForIncidentAsync(HttpClient engine, string processInstanceId, TimeSpan timeout, string? besides = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var incidents = await engine.GetFromJsonAsync<List<IncidentDto>>($"incident?processInstanceId={processInstanceId}", CamundaJson.Options);
            if (incidents!.FirstOrDefault(i => i.Id != besides) is { } incident) return incident;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No {(besides is null ? "" : "new ")}incident in instance {processInstanceId} after {timeout}");
            await Task.Delay(250);
        }
    }

    /// <summary>Publishes element templates to the activity catalog under a source of the test's own, as a worker host does.</summary>
    public static async Task PublishTemplatesAsync(HttpClient engine, string source, string templatesJson)
    {
        using var body = new StringContent(templatesJson, Encoding.UTF8, "application/json");
        (await engine.PutAsync($"/api/activity-templates/{source}", body)).EnsureSuccessStatusCode();
    }

    /// <summary>Waits until a worker host has published the template to the catalog (the embedded workers do so once the host has started).</summary>
    public static async Task WaitForTemplateAsync(HttpClient engine, string templateId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(await engine.GetFromJsonAsync<JsonArray>("/api/activity-templates"))!.Any(t => (string?)t!["id"] == templateId))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"No template {templateId} in the activity catalog after {timeout}");
            await Task.Delay(250);
        }
    }

    public static async Task<HistoricProcessInstanceDto> InstanceAsync(HttpClient engine, string businessKey) =>
        Assert.Single((await engine.GetFromJsonAsync<List<HistoricProcessInstanceDto>>(
            $"history/process-instance?processInstanceBusinessKey={businessKey}", CamundaJson.Options))!);
}
