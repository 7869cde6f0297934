namespace Bpm.Workers.HubSpot;

/// <summary>The <c>Bpm:Integrations:HubSpot</c> section: a private app's access token and the stage property.</summary>
public sealed class HubSpotOptions
{
    public const string Section = "Bpm:Integrations:HubSpot";

    public string BaseUrl { get; set; } = "https://api.hubapi.com";
    public string? AccessToken { get; set; }

    /// <summary>The contact property that holds the lead's stage.</summary>
    public string StageProperty { get; set; } = "lifecyclestage";

    /// <summary>The stage set when a task names none (a booked demo).</summary>
    public string DefaultStage { get; set; } = "salesqualifiedlead";
}
