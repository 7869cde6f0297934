using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Slack;

/// <summary>
/// Posts a Block Kit summary of the steps before it: every variable named <c>...Result</c> (as the sync steps
/// leave them: <c>usersResult</c>, <c>propertiesResult</c>...) becomes one line with its status.
/// </summary>
public sealed class SlackSummaryHandler(SlackClient slack, TimeProvider time) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "slack-summary", "Notify Slack",
        "Posts a summary of the earlier steps' results (variables named ...Result) to the configured Slack channel.",
        Inputs: [new("title", "Title", Required: true, DefaultValue: "Sync summary")],
        Outputs: [new("slackSummarySent", "Summary sent", ActivityFieldType.Boolean)],
        Category: "Notifications");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var title = task.GetOrDefault("title", "Summary");
        var steps = task.Variables.Where(v => v.Key.EndsWith("Result", StringComparison.Ordinal) && v.Value is not null).ToList();
        var blocks = new JsonArray(SlackBlocks.Header(title));
        foreach (var (name, value) in steps)
            blocks.Add(SlackBlocks.Section(Line(name[..^"Result".Length], value!)));
        if (steps.Count == 0) blocks.Add(SlackBlocks.Section("_No step results._"));
        blocks.Add(SlackBlocks.Divider());
        blocks.Add(SlackBlocks.Context($"Process instance `{task.ProcessInstanceId}` · {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC"));
        try
        {
            await slack.PostAsync($"{title}: {steps.Count} step(s)", blocks, cancellationToken);
            return TaskOutcome.Complete(new { slackSummarySent = true });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }

    private static string Line(string step, JsonNode value)
    {
        if (value is not JsonObject result) return $"*{step}*: {value.ToJsonString()}";
        var status = result["status"]?.ToString() ?? "done";
        var mark = status is "failed" or "error" ? ":x:" : ":white_check_mark:";
        var entity = result["entity"]?.ToString() ?? step;
        var job = result["jobId"] is { } id ? $" (job `{id}`)" : "";
        return $"{mark} *{entity}*: {status}{job}";
    }
}
