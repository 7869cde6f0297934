using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bpm.Contracts;
using Bpm.Contracts.Rest;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>What the journeys do behind the browser: deploy a fixture under a key of their own, play the worker, check the outcome.</summary>
public static class EngineRest
{
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

    public static async Task<HistoricProcessInstanceDto> InstanceAsync(HttpClient engine, string businessKey) =>
        Assert.Single((await engine.GetFromJsonAsync<List<HistoricProcessInstanceDto>>(
            $"history/process-instance?processInstanceBusinessKey={businessKey}", CamundaJson.Options))!);
}
