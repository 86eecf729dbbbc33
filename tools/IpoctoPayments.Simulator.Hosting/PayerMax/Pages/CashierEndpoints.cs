using System.Globalization;
using System.Text.RegularExpressions;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Pages;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>
/// The hosted cashier at <c>redirectUrl</c> and the wallet-app and bank pages it sends the customer to. Every
/// payment ends with a 303 back to <c>frontCallbackUrl</c> carrying <c>outTradeNo</c> and <c>status</c>.
/// </summary>
internal static partial class CashierEndpoints
{
    public static void MapPayerMaxCashier(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/payermax").ExcludeFromDescription();
        pages.MapGet("/cashier/{tradeToken}", (string tradeToken, PayerMaxStore store) =>
            store.FindByTradeToken(tradeToken) is { } order ? CashierPages.Home(order) : CashierPages.NotFound($"No order with trade token {tradeToken}."));
        pages.MapGet("/cashier/{tradeToken}/methods/{methodKey}", (string tradeToken, string methodKey, HttpContext http, PayerMaxStore store, IOptions<SimulatorOptions> options) =>
            Offered(store, tradeToken, methodKey, (order, method) => CashierPages.Method(order, method, PublicBaseUrl.Of(http.Request, options.Value))));
        pages.MapPost("/cashier/{tradeToken}/methods/{methodKey}/scan", (string tradeToken, string methodKey, PayerMaxStore store, PaymentEngine engine) =>
            Offered(store, tradeToken, methodKey, (order, method) => PayAndReturn(engine, order, method)));
        pages.MapPost("/cashier/{tradeToken}/methods/{methodKey}/card", PayByCardAsync);

        pages.MapGet("/wallet/{tradeToken}/{methodKey}", (string tradeToken, string methodKey, PayerMaxStore store) =>
            Offered(store, tradeToken, methodKey, CashierPages.WalletApp));
        pages.MapPost("/wallet/{tradeToken}/{methodKey}", ConfirmOrCancelAsync);
        pages.MapGet("/bank/{tradeToken}/{methodKey}", (string tradeToken, string methodKey, PayerMaxStore store) =>
            Offered(store, tradeToken, methodKey, CashierPages.BankLogin));
        pages.MapPost("/bank/{tradeToken}/{methodKey}", ConfirmOrCancelAsync);
    }

    /// <summary>Runs <paramref name="page"/> for a method the order offers; 404 otherwise, and back to the merchant once the order is settled.</summary>
    private static IResult Offered(PayerMaxStore store, string tradeToken, string methodKey, Func<PayerMaxOrder, PaymentMethod, IResult> page)
    {
        if (store.FindByTradeToken(tradeToken) is not { } order)
        {
            return CashierPages.NotFound($"No order with trade token {tradeToken}.");
        }

        if (order.OfferedMethods.FirstOrDefault(m => string.Equals(m.Key, methodKey, StringComparison.OrdinalIgnoreCase)) is not { } method)
        {
            return CashierPages.NotFound($"Payment method {methodKey} is not offered for this order.");
        }

        return order.Status == PaymentStatus.Pending ? page(order, method) : BackToMerchant(order);
    }

    private static SeeOther PayAndReturn(PaymentEngine engine, PayerMaxOrder order, PaymentMethod method, CardInfo? card = null, string? failureCode = null)
    {
        engine.Pay(order, new PaymentDetail(method.Type, method.TargetOrg, card), failureCode);
        return BackToMerchant(order);
    }

    private static SeeOther BackToMerchant(PayerMaxOrder order) =>
        new(PayerMaxUrls.FrontCallback(order.Request.FrontCallbackUrl, order.OutTradeNo, order.Status));

    private static async Task<IResult> ConfirmOrCancelAsync(string tradeToken, string methodKey, HttpContext http, PayerMaxStore store, PaymentEngine engine)
    {
        var form = await HostedForm.ReadAsync(http);
        var confirmed = form["action"].ToString() == "confirm";
        // Cancelling in the wallet or at the bank leaves the order pending: the customer is back at the cashier.
        return Offered(store, tradeToken, methodKey, (order, method) =>
            confirmed ? PayAndReturn(engine, order, method) : new SeeOther(PayerMaxUrls.Cashier(order.TradeToken)));
    }

    private static async Task<IResult> PayByCardAsync(
        string tradeToken, string methodKey, HttpContext http, PayerMaxStore store, PaymentEngine engine, TimeProvider clock, IOptions<SimulatorOptions> options)
    {
        var form = await HostedForm.ReadAsync(http);
        return Offered(store, tradeToken, methodKey, (order, method) =>
        {
            if (method.Flow != CashierFlow.CardForm)
            {
                return CashierPages.NotFound($"Payment method {methodKey} takes no card.");
            }

            var number = DigitsOnly(form["cardNumber"].ToString());
            var problem = number.Length == 0 ? "Enter the card number."
                : TestCards.Find(number) is null ? "This card number is not a PayerMax test card."
                : !IsFutureExpiry(form["expiry"].ToString(), clock.GetUtcNow()) ? "Enter a valid expiry date (MM/YY) in the future."
                : !CvvPattern().IsMatch(form["cvv"].ToString()) ? "Enter the 3 or 4 digit CVV."
                : null;
            if (problem is not null)
            {
                return CashierPages.Method(order, method, PublicBaseUrl.Of(http.Request, options.Value), problem, StatusCodes.Status422UnprocessableEntity);
            }

            var card = TestCards.Find(number)!;
            return PayAndReturn(engine, order, method, new CardInfo(card.CardOrg, card.Last4, order.Request.Country.Code), card.FailureCode);
        });
    }

    private static string DigitsOnly(string? value) => new([.. (value ?? "").Where(c => c != ' ' && c != '-')]);

    private static bool IsFutureExpiry(string? value, DateTimeOffset now)
    {
        var match = ExpiryPattern().Match(value ?? "");
        if (!match.Success)
        {
            return false;
        }

        var month = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var year = 2000 + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && (year > now.Year || (year == now.Year && month >= now.Month));
    }

    [GeneratedRegex(@"^\s*(\d{2})\s*/\s*(\d{2})\s*$")]
    private static partial Regex ExpiryPattern();

    [GeneratedRegex(@"^\d{3,4}$")]
    private static partial Regex CvvPattern();
}
