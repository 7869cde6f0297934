namespace Bpm.Workers.Slack;

/// <summary>The <c>Bpm:Integrations:Slack</c> section: the incoming webhook messages are posted to.</summary>
public sealed class SlackOptions
{
    public const string Section = "Bpm:Integrations:Slack";

    /// <summary>An incoming webhook URL (https://hooks.slack.com/services/...); it names the channel.</summary>
    public string? WebhookUrl { get; set; }
}
