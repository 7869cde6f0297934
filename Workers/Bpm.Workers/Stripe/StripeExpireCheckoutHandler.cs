using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Stripe;

/// <summary>Expires an unpaid checkout session so its link stops working.</summary>
public sealed class StripeExpireCheckoutHandler(StripeClient stripe) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "stripe-expire-checkout", "Expire Stripe checkout",
        "Expires the open checkout session; its payment link stops working.",
        Inputs: [new("checkoutSessionId", "Checkout session id", Required: true)],
        Outputs: [new("checkoutExpired", "Checkout expired", ActivityFieldType.Boolean)],
        Category: "Stripe");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        try
        {
            var session = await stripe.ExpireCheckoutSessionAsync(task.Get<string>("checkoutSessionId"), cancellationToken);
            return TaskOutcome.Complete(new { checkoutExpired = session.Status == "expired" });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
