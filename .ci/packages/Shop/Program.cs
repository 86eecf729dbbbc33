using Stripe;
using Stripe.Checkout;

// A service that takes payments through Stripe: it opens Checkout Sessions and records from Stripe's webhook the ones
// paid and the ones that expired unpaid.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IStripeClient>(_ => new StripeClient(builder.Configuration["Stripe:SecretKey"], apiBase: builder.Configuration["Stripe:ApiBase"]));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SessionOutcomes>();
var app = builder.Build();

app.MapPost("/checkout", async (long amount, IStripeClient stripe) =>
{
    var session = await new SessionService(stripe).CreateAsync(new SessionCreateOptions
    {
        Mode = "payment",
        SuccessUrl = "https://shop.example/paid",
        LineItems =
        [
            new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions { Currency = "usd", UnitAmount = amount, ProductData = new() { Name = "Top-up" } },
            },
        ],
    });
    return Results.Ok(new { session.Id, session.Url, session.AmountTotal });
});

app.MapPost("/webhooks/stripe", async (HttpRequest request, IConfiguration configuration, TimeProvider clock, SessionOutcomes outcomes) =>
{
    var body = await new StreamReader(request.Body).ReadToEndAsync();
    // The signature's age is judged on the service's own clock, so a test that moves that clock is believed.
    var stripeEvent = EventUtility.ConstructEvent(
        body, request.Headers["Stripe-Signature"], configuration["Stripe:WebhookSecret"], 300, clock.GetUtcNow().ToUnixTimeSeconds(), true);
    if (stripeEvent.Data.Object is Session { PaymentStatus: "paid" } paid)
    {
        outcomes.Paid.Add(paid.Id);
    }
    else if (stripeEvent.Type == EventTypes.CheckoutSessionExpired && stripeEvent.Data.Object is Session expired)
    {
        outcomes.Expired.Add(expired.Id);
    }

    return Results.Ok();
});

app.MapGet("/paid", (SessionOutcomes outcomes) => outcomes.Paid.ToArray());
app.MapGet("/expired", (SessionOutcomes outcomes) => outcomes.Expired.ToArray());

app.Run();

public sealed class SessionOutcomes
{
    public System.Collections.Concurrent.ConcurrentBag<string> Paid { get; } = [];

    public System.Collections.Concurrent.ConcurrentBag<string> Expired { get; } = [];
}

public partial class Program;
