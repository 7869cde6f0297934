namespace Bpm.Workers.Twilio;

/// <summary>The <c>Bpm:Integrations:Twilio</c> section: the account that places calls and the TwiML the call runs.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Bpm:Integrations:Twilio";
    public const string VoiceUrlVariable = "TWILIO_VOICE_URL";

    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>The caller id: a Twilio number of the account (E.164).</summary>
    public string? FromNumber { get; set; }

    /// <summary>The TwiML address the call runs; when empty, the environment variable <c>TWILIO_VOICE_URL</c>.</summary>
    public string? VoiceUrl { get; set; }

    public string? ResolveVoiceUrl() =>
        string.IsNullOrWhiteSpace(VoiceUrl) ? Environment.GetEnvironmentVariable(VoiceUrlVariable) : VoiceUrl;
}
