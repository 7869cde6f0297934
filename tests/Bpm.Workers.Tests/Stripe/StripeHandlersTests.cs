using Bpm.Workers.Stripe;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Stripe;

public sealed class StripeHandlersTests : IDisposable
{
    private readonly WireMockServer _stripe = WireMockServer.Start();

    public void Dispose() => _stripe.Stop();

    private IOptions<StripeOptions> Options(string? key = "sk_test_1") => Microsoft.Extensions.Options.Options.Create(new StripeOptions
    {
        BaseUrl = _stripe.Url!, SecretKey = key, PriceId = "price_demo", SuccessUrl = "https://shop/ok", CancelUrl = "https://shop/cancel",
    });

    private StripeCreateCheckoutHandler Create(string? key = "sk_test_1") => new(new StripeClient(new HttpClient(), Options(key)), Options(key));

    private void Creates() => _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
        .RespondWith(Response.Create().WithBodyAsJson(new { id = "cs_test_1", url = "https://checkout.stripe.com/c/pay/cs_test_1", status = "open" }));

    [Fact]
    public async Task Should_create_a_checkout_for_the_amount_form_encoded_with_the_secret_key_and_an_idempotency_key()
    {
        Creates();
        var task = Tasks.Create("stripe-create-checkout", new() { ["amount"] = 4900, ["description"] = "Pro plan", ["email"] = "ana@example.com" }, businessKey: "ORDER-7");

        var variables = Tasks.Completed(await Create().HandleAsync(task, default));

        Assert.Equal("cs_test_1", variables["checkoutSessionId"]!.GetValue<string>());
        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_1", variables["checkoutUrl"]!.GetValue<string>());
        var request = Stubs.Single(_stripe, "POST", "/v1/checkout/sessions");
        Assert.Equal("Bearer sk_test_1", Stubs.Header(request, "Authorization"));
        Assert.Equal($"checkout-{task.Id}", Stubs.Header(request, "Idempotency-Key"));
        var form = Stubs.Form(request);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("4900", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("Pro plan", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("ORDER-7", form["client_reference_id"]);
        Assert.Equal(task.ProcessInstanceId, form["metadata[processInstanceId]"]);
        Assert.Equal("ana@example.com", form["customer_email"]);
        Assert.Equal("https://shop/ok", form["success_url"]);
    }

    [Fact]
    public async Task Should_sell_the_configured_price_when_no_amount_is_given()
    {
        Creates();

        Tasks.Completed(await Create().HandleAsync(Tasks.Create("stripe-create-checkout", new()), default));

        Assert.Equal("price_demo", Stubs.Form(Stubs.Single(_stripe, "POST", "/v1/checkout/sessions"))["line_items[0][price]"]);
    }

    [Fact]
    public async Task Should_fail_without_retries_with_stripes_message_when_the_request_is_invalid()
    {
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"message\":\"No such price: 'price_demo'\",\"type\":\"invalid_request_error\"}}"));

        var outcome = await Create().HandleAsync(Tasks.Create("stripe-create-checkout", new()), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Contains("No such price", Tasks.Failed(outcome).Message);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_stripe_is_down_and_without_when_the_key_is_missing()
    {
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));

        var down = await Create().HandleAsync(Tasks.Create("stripe-create-checkout", new()), default);
        var unconfigured = await Create(key: null).HandleAsync(Tasks.Create("stripe-create-checkout", new()), default);

        Assert.Null(Tasks.Failed(down).Retries);
        Assert.Equal("Stripe secret key (Bpm:Integrations:Stripe:SecretKey) not configured", Tasks.Failed(unconfigured).Message);
        Assert.Equal(0, Tasks.Failed(unconfigured).Retries);
    }

    [Fact]
    public async Task Should_expire_the_checkout_session()
    {
        _stripe.Given(Request.Create().WithPath("/v1/checkout/sessions/cs_test_1/expire").UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "cs_test_1", status = "expired" }));

        var outcome = await new StripeExpireCheckoutHandler(new StripeClient(new HttpClient(), Options())).HandleAsync(
            Tasks.Create("stripe-expire-checkout", new() { ["checkoutSessionId"] = "cs_test_1" }), default);

        Assert.True(Tasks.Completed(outcome)["checkoutExpired"]!.GetValue<bool>());
        Assert.Equal("Bearer sk_test_1", Stubs.Header(Stubs.Single(_stripe, "POST", "/v1/checkout/sessions/cs_test_1/expire"), "Authorization"));
    }
}
