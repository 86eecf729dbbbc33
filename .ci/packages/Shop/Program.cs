using Stripe;
using Stripe.Checkout;

// A service that takes payments through Stripe: it opens Checkout Sessions and records the paid ones from Stripe's webhook.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IStripeClient>(_ => new StripeClient(builder.Configuration["Stripe:SecretKey"], apiBase: builder.Configuration["Stripe:ApiBase"]));
builder.Services.AddSingleton<PaidSessions>();
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

app.MapPost("/webhooks/stripe", async (HttpRequest request, IConfiguration configuration, PaidSessions paid) =>
{
    var body = await new StreamReader(request.Body).ReadToEndAsync();
    var stripeEvent = EventUtility.ConstructEvent(body, request.Headers["Stripe-Signature"], configuration["Stripe:WebhookSecret"]);
    if (stripeEvent.Data.Object is Session { PaymentStatus: "paid" } session)
    {
        paid.Ids.Add(session.Id);
    }

    return Results.Ok();
});

app.MapGet("/paid", (PaidSessions paid) => paid.Ids.ToArray());

app.Run();

public sealed class PaidSessions
{
    public System.Collections.Concurrent.ConcurrentBag<string> Ids { get; } = [];
}

public partial class Program;
