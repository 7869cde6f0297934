namespace Bpm.Workers.Stripe;

public sealed record StripeCheckoutSession(string Id, string? Url, string? Status);
