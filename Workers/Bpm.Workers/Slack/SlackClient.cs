using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Slack;

/// <summary>Posts messages (text and Block Kit blocks) to the configured Slack incoming webhook.</summary>
public sealed class SlackClient(HttpClient http, IOptions<SlackOptions> options)
{
    public const string Service = "Slack";

    public Task PostAsync(string text, JsonArray? blocks, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var url = Endpoint.Require(options.Value.WebhookUrl, "Slack webhook");
            var payload = new JsonObject { ["text"] = text };
            if (blocks is not null) payload["blocks"] = blocks;
            using var response = await http.PostAsJsonAsync(url, payload, cancellationToken);
            await response.EnsureSuccessAsync($"{Service} webhook", cancellationToken);
            return true;
        }, cancellationToken);
}
