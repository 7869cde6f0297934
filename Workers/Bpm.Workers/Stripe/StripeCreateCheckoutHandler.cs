using System.Globalization;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Stripe;

/// <summary>Creates a Stripe checkout session for the payment; its id and URL become process variables.</summary>
public sealed class StripeCreateCheckoutHandler(StripeClient stripe, IOptions<StripeOptions> options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "stripe-create-checkout", "Create Stripe checkout",
        "Creates a Stripe checkout session: the configured price, or 'amount' (minor units) with 'description'.",
        Inputs:
        [
            new("amount", "Amount in minor units (cents)", ActivityFieldType.Number), new("currency", "Currency"),
            new("description", "What is paid for"), new("email", "Payer email"),
        ],
        Outputs: [new("checkoutSessionId", "Checkout session id"), new("checkoutUrl", "Checkout URL")],
        Category: "Stripe");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var amount = task.GetOrDefault<long?>("amount", null);
        if (amount is <= 0) return TaskOutcome.Fail($"Variable 'amount' must be positive, was {amount}", retries: 0);
        try
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new("mode", "payment"),
                new("success_url", Endpoint.Require(o.SuccessUrl, $"Stripe success URL ({StripeOptions.Section}:SuccessUrl)")),
                new("cancel_url", Endpoint.Require(o.CancelUrl, $"Stripe cancel URL ({StripeOptions.Section}:CancelUrl)")),
                new("client_reference_id", task.BusinessKey ?? task.ProcessInstanceId),
                new("metadata[processInstanceId]", task.ProcessInstanceId),
                new("line_items[0][quantity]", "1"),
            };
            if (amount is { } minor)
            {
                form.Add(new("line_items[0][price_data][currency]", task.GetOrDefault("currency", o.Currency).ToLowerInvariant()));
                form.Add(new("line_items[0][price_data][unit_amount]", minor.ToString(CultureInfo.InvariantCulture)));
                form.Add(new("line_items[0][price_data][product_data][name]", task.GetOrDefault("description", "Payment")));
            }
            else
            {
                form.Add(new("line_items[0][price]", Endpoint.Require(o.PriceId, $"Stripe price ({StripeOptions.Section}:PriceId) or an 'amount' variable")));
            }
            if (task.GetOrDefault<string?>("email", null) is { Length: > 0 } email) form.Add(new("customer_email", email));
            var session = await stripe.CreateCheckoutSessionAsync(form, $"checkout-{task.Id}", cancellationToken);
            return TaskOutcome.Complete(new { checkoutSessionId = session.Id, checkoutUrl = session.Url });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
