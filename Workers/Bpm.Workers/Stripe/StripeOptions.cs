namespace Bpm.Workers.Stripe;

/// <summary>The <c>Bpm:Integrations:Stripe</c> section: the secret key and what a checkout sells.</summary>
public sealed class StripeOptions
{
    public const string Section = "Bpm:Integrations:Stripe";

    public string BaseUrl { get; set; } = "https://api.stripe.com";
    public string? SecretKey { get; set; }

    /// <summary>The price sold when a task gives no <c>amount</c>.</summary>
    public string? PriceId { get; set; }

    /// <summary>The currency of a task's <c>amount</c> when it names none.</summary>
    public string Currency { get; set; } = "eur";

    public string? SuccessUrl { get; set; }
    public string? CancelUrl { get; set; }
}
