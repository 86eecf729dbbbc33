using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Pages;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>The hosted page at <c>session.url</c> (<c>/c/pay/{id}</c>, as checkout.stripe.com shapes it) and the actions it posts.</summary>
internal static class CheckoutEndpoints
{
    private const string Provider = "Stripe";

    /// <summary>The WeChat Pay code's scale; the phone's camera reads it at a glance.</summary>
    private const int PixelsPerModule = 8;

    public static string PagePath(string id) => $"/c/pay/{Uri.EscapeDataString(id)}";

    public static void MapCheckoutPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/c/pay/{id}").ExcludeFromDescription().DisableAntiforgery();

        page.MapGet("/", (string id, StripeStore store) => Render(store, id, null));

        page.MapPost("/card", async (string id, HttpContext http, CheckoutEngine engine, StripeStore store, TimeProvider clock) =>
        {
            var form = await HostedForm.ReadAsync(http);
            var (attempt, problem) = CardForm.Read(form, clock.GetUtcNow());
            return attempt is null ? Render(store, id, problem) : Act(store, id, () => engine.Pay(id, attempt));
        });

        page.MapPost("/wallet", async (string id, HttpContext http, CheckoutEngine engine, StripeStore store, TimeProvider clock) =>
        {
            var wallet = (await HostedForm.ReadAsync(http))["wallet"].ToString();
            if (wallet is not ("apple_pay" or "google_pay"))
            {
                return Render(store, id, "Choose Apple Pay or Google Pay.");
            }

            // The wallet hands Stripe a card token; the simulator's wallet holds the Visa test card.
            var expires = clock.GetUtcNow().AddYears(3);
            return Act(store, id, () => engine.Pay(id, new CardAttempt(TestCards.Visa, 12, expires.Year, wallet)));
        });

        page.MapPost("/authenticate", async (string id, HttpContext http, CheckoutEngine engine, StripeStore store) =>
        {
            var approve = (await HostedForm.ReadAsync(http))["action"].ToString() == "complete";
            return Act(store, id, () => engine.Authenticate(id, approve));
        });

        page.MapGet("/wechat.png", (string id, HttpContext http, StripeStore store, IOptions<SimulatorOptions> options) =>
        {
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(id, out var session) || !session.Allows("wechat_pay"))
                {
                    return Results.NotFound();
                }
            }

            return Results.File(QrCodes.Png($"{PublicBaseUrl.Of(http.Request, options.Value)}{PagePath(id)}/wechat/scan", PixelsPerModule), "image/png");
        });

        page.MapGet("/wechat/scan", (string id, StripeStore store) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.TryGetValue(id, out var session) && session.IsOpen
                    ? Page("wechat", CheckoutView.Of(session, null))
                    : Render(store, id, null);
            }
        });

        page.MapPost("/wechat/scan", (string id, CheckoutEngine engine, StripeStore store) =>
            Act(store, id, () => engine.Pay(id, new WeChatPayAttempt())));
    }

    private static IResult Act(StripeStore store, string id, Func<PaymentOutcome> action)
    {
        PaymentOutcome outcome;
        try
        {
            outcome = action();
        }
        catch (StripeErrorException exception)
        {
            return Render(store, id, exception.Error.Message, StatusCodes.Status400BadRequest);
        }

        return outcome.Kind switch
        {
            PaymentOutcomeKind.Paid or PaymentOutcomeKind.Pending => new SeeOther(ReturnUrl(store, id)),
            PaymentOutcomeKind.Declined => Render(store, id, outcome.Error?.Message, StatusCodes.Status402PaymentRequired),
            PaymentOutcomeKind.ReportedFailed => Render(store, id, "We could not confirm your payment with your bank."),
            _ => Render(store, id, null),
        };
    }

    private static string ReturnUrl(StripeStore store, string id)
    {
        lock (store.Gate)
        {
            return store.Sessions[id].ReturnUrl;
        }
    }

    private static HostedPage Render(StripeStore store, string id, string? message, int status = StatusCodes.Status200OK)
    {
        lock (store.Gate)
        {
            if (!store.Sessions.TryGetValue(id, out var session))
            {
                return HostedPage.NotFound(Provider, "Checkout session not found", $"There is no checkout session {id}.");
            }

            return session.IsOpen ? Page("checkout", CheckoutView.Of(session, message), status) : Page("closed", CheckoutView.Of(session, message));
        }
    }

    private static HostedPage Page(string template, CheckoutView view, int status = StatusCodes.Status200OK) =>
        new(Provider, $"Stripe/Pages/{template}", view, status);
}
