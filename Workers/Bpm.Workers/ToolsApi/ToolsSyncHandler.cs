using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.ToolsApi;

/// <summary>
/// Starts a Tools API sync of one entity (<c>POST /chat/sync/{entity}</c>) and polls its job until it is done.
/// A failed job fails the task with the job's error message, its steps in the details.
/// </summary>
public sealed class ToolsSyncHandler(ToolsApiClient client, IOptions<ToolsApiOptions> options, TimeProvider time) : ITaskHandler, IActivity
{
    public static readonly IReadOnlyList<string> Entities = ["users", "properties", "deals", "bookings", "firebase-legacy-responses"];

    public static ActivityDescriptor Activity { get; } = new(
        "tools-sync", "Sync from the Tools API",
        "Runs a Tools API sync job (users, properties, deals, bookings or legacy NPS responses) and waits until it is done.",
        Inputs:
        [
            new("entity", "Entity", ActivityFieldType.Choice, Required: true, Choices: Entities),
            new("env", "Environment", ActivityFieldType.Choice, DefaultValue: "prod", Choices: ["dev", "prod"]),
            new("chainDealsSync", "Also sync deals (users only)", ActivityFieldType.Boolean),
        ],
        Outputs: [new("result", "Sync result (entity, env, jobId, status, result)")],
        Retries: 2, Category: "Tools API");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var entity = task.Get<string>("entity");
        if (!Entities.Contains(entity))
            return TaskOutcome.Fail($"Variable 'entity' must be one of {string.Join(", ", Entities)}, was '{entity}'", retries: 0);
        var env = task.GetOrDefault("env", settings.DefaultEnvironment);
        if (settings.For(env) is not { } environment)
            return TaskOutcome.Fail($"Variable 'env' must be dev or prod, was '{env}'", retries: 0);
        try
        {
            var section = env == "prod" ? "Prod" : "Dev";
            Endpoint.Require(environment.BaseUrl, $"Tools API base URL for env '{env}' ({ToolsApiOptions.Section}:{section}:BaseUrl)");
            Endpoint.Require(environment.ApiKey, $"Tools API key for env '{env}' ({ToolsApiOptions.Section}:{section}:ApiKey)");
            var body = new JsonObject();
            if (entity == "users" && task.GetOrDefault("chainDealsSync", false)) body["chainDealsSync"] = true;
            var jobId = await client.StartSyncAsync(environment, entity, body, cancellationToken);
            var job = await WaitAsync(task, environment, jobId, settings, cancellationToken);
            if (job is null)
                return TaskOutcome.Fail($"Tools API sync job {jobId} of {entity} ({env}) did not finish within {settings.PollTimeout}");
            if (job.Failed)
                return TaskOutcome.Fail(
                    $"Tools API sync job {jobId} of {entity} ({env}) failed: {job.ErrorMessage ?? "no error message"}",
                    new JsonObject { ["errorMessage"] = job.ErrorMessage, ["steps"] = job.Steps?.DeepClone() }.ToJsonString());
            return TaskOutcome.Complete(new JsonObject
            {
                ["result"] = new JsonObject
                {
                    ["entity"] = entity, ["env"] = env, ["jobId"] = job.Id, ["status"] = job.Status,
                    ["result"] = job.Result?.DeepClone(), ["steps"] = job.Steps?.DeepClone(),
                },
            });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }

    /// <summary>The finished job, or null when it is still running at the poll timeout. Extends the task's lock while it waits.</summary>
    private async Task<SyncJob?> WaitAsync(WorkerTask task, ToolsApiEnvironment environment, string jobId, ToolsApiOptions settings, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var lastExtension = started;
        var extendEvery = TimeSpan.FromSeconds(30);
        while (true)
        {
            var job = await client.GetJobAsync(environment, jobId, cancellationToken);
            if (job.Succeeded || job.Failed) return job;
            if (time.GetElapsedTime(started) >= settings.PollTimeout) return null;
            if (time.GetElapsedTime(lastExtension) >= extendEvery)
            {
                await task.ExtendLockAsync(extendEvery * 4, cancellationToken);
                lastExtension = time.GetTimestamp();
            }
            await Task.Delay(settings.PollInterval, time, cancellationToken);
        }
    }
}
