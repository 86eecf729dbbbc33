using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>What every cashier page reads: the order, the method chosen if any, the form's problem, the test cards.</summary>
internal sealed record CashierView(OrderView Order, MethodView? Method, string? Error, IReadOnlyList<TestCard> TestCards);

/// <summary>The order as the customer sees it, taken when the page is built; no card data.</summary>
internal sealed record OrderView(
    string Country,
    string Subject,
    string Amount,
    string? Forced,
    string Status,
    bool Pending,
    string OrderNo,
    string Cashier,
    string ReturnUrl,
    IReadOnlyList<MethodLinkView> Methods)
{
    public static OrderView Of(PayerMaxOrder order) => new(
        order.Request.Country.Name,
        order.Request.Subject,
        PayerMaxMoney.Display(order.AmountMinor, order.Currency),
        SandboxSubject.ResultOf(order.Request.Subject)?.ToString().ToUpperInvariant(),
        order.Status,
        order.Status == PaymentStatus.Pending,
        order.OutTradeNo,
        PayerMaxUrls.Cashier(order.TradeToken),
        PayerMaxUrls.FrontCallback(order.Request.FrontCallbackUrl, order.OutTradeNo, order.Status),
        [.. order.OfferedMethods.Select(m => new MethodLinkView(m.DisplayName, PayerMaxUrls.Method(order.TradeToken, m.Key)))]);
}

/// <summary>A method the cashier offers, as its list links to it.</summary>
internal sealed record MethodLinkView(string Name, string Url);

/// <summary>The chosen method: its flow (a <see cref="CashierFlow"/> name) and where its page, wallet app and bank live.</summary>
internal sealed record MethodView(string Name, string Flow, string Page, string WalletApp, string Bank, string? QrCode)
{
    public static MethodView Of(PayerMaxOrder order, PaymentMethod method, string? qrCode = null) => new(
        method.DisplayName,
        method.Flow.ToString(),
        PayerMaxUrls.Method(order.TradeToken, method.Key),
        PayerMaxUrls.WalletApp(order.TradeToken, method.Key),
        PayerMaxUrls.Bank(order.TradeToken, method.Key),
        qrCode);
}
