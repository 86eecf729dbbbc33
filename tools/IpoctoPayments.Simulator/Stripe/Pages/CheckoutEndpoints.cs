using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;
using QRCoder;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>The hosted page at <c>session.url</c> (<c>/c/pay/{id}</c>, as checkout.stripe.com shapes it) and the actions it posts.</summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckoutPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("/c/pay/{id}").ExcludeFromDescription().DisableAntiforgery();

        page.MapGet("/", (string id, StripeStore store) => Render(store, id, null));

        page.MapPost("/card", async (string id, HttpContext http, CheckoutEngine engine, StripeStore store, TimeProvider clock) =>
        {
            var form = await ReadFormAsync(http);
            var (attempt, problem) = CardForm.Read(form, clock.GetUtcNow());
            return attempt is null ? Render(store, id, problem) : Act(store, id, () => engine.Pay(id, attempt));
        });

        page.MapPost("/wallet", async (string id, HttpContext http, CheckoutEngine engine, StripeStore store, TimeProvider clock) =>
        {
            var wallet = (await ReadFormAsync(http))["wallet"].ToString();
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
            var approve = (await ReadFormAsync(http))["action"].ToString() == "complete";
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

            return Results.File(QrPng($"{PublicBaseUrl.Of(http.Request, options.Value)}/c/pay/{Uri.EscapeDataString(id)}/wechat/scan"), "image/png");
        });

        page.MapGet("/wechat/scan", (string id, StripeStore store) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.TryGetValue(id, out var session) && session.IsOpen
                    ? Html(CheckoutHtml.WeChatConfirm(session))
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
            PaymentOutcomeKind.Paid or PaymentOutcomeKind.Pending => new SeeOther(SuccessUrl(store, id)),
            PaymentOutcomeKind.Declined => Render(store, id, outcome.Error?.Message, StatusCodes.Status402PaymentRequired),
            PaymentOutcomeKind.ReportedFailed => Render(store, id, "We could not confirm your payment with your bank."),
            _ => Render(store, id, null),
        };
    }

    private static string SuccessUrl(StripeStore store, string id)
    {
        lock (store.Gate)
        {
            return CheckoutHtml.SuccessUrl(store.Sessions[id]);
        }
    }

    private static IResult Render(StripeStore store, string id, string? message, int status = StatusCodes.Status200OK)
    {
        lock (store.Gate)
        {
            if (!store.Sessions.TryGetValue(id, out var session))
            {
                return Html(CheckoutHtml.NotFound(id), StatusCodes.Status404NotFound);
            }

            return session.IsOpen ? Html(CheckoutHtml.Open(session, message), status) : Html(CheckoutHtml.Closed(session, message));
        }
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }

    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8);
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", null, status);

    /// <summary>303, so the browser follows a form post with a GET.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
