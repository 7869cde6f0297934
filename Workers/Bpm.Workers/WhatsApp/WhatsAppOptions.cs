namespace Bpm.Workers.WhatsApp;

/// <summary>The <c>Bpm:Integrations:WhatsApp</c> section: the WhatsApp Cloud API number messages are sent from.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "Bpm:Integrations:WhatsApp";

    public string BaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v21.0";
    public string? PhoneNumberId { get; set; }
    public string? AccessToken { get; set; }
}
