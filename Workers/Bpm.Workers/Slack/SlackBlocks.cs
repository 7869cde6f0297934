using System.Text.Json.Nodes;

namespace Bpm.Workers.Slack;

/// <summary>The few Block Kit blocks the seed messages use.</summary>
public static class SlackBlocks
{
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Trim(text, 150) },
    };

    public static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Trim(markdown, 3000) },
    };

    public static JsonObject Context(string markdown) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Trim(markdown, 3000) }),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
