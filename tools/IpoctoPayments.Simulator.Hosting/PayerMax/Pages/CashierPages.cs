using IpoctoPayments.Simulator.Pages;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>
/// The cashier's pages — the method list and, per method, its QR code, redirect or card form — and the wallet-app
/// and bank pages it sends the customer to; each is a template beside this file.
/// </summary>
internal static class CashierPages
{
    private const string Provider = "PayerMax";

    /// <summary>The e-wallet code's scale, sized for the cashier's column.</summary>
    private const int PixelsPerModule = 6;

    public static HostedPage Home(PayerMaxOrder order) => Page("cashier", order, null);

    public static HostedPage Method(PayerMaxOrder order, PaymentMethod method, string baseUrl, string? error = null, int statusCode = StatusCodes.Status200OK)
    {
        // The code holds the wallet app's page, so a phone that scans it lands there.
        var qrCode = method.Flow is CashierFlow.EWallet or CashierFlow.QrCode
            ? QrCodes.PngDataUri(baseUrl + PayerMaxUrls.WalletApp(order.TradeToken, method.Key), PixelsPerModule)
            : null;
        return Page("method", order, MethodView.Of(order, method, qrCode), error, statusCode);
    }

    public static HostedPage WalletApp(PayerMaxOrder order, PaymentMethod method) => Page("wallet_app", order, MethodView.Of(order, method));

    public static HostedPage BankLogin(PayerMaxOrder order, PaymentMethod method) => Page("bank_login", order, MethodView.Of(order, method));

    public static HostedPage NotFound(string detail) => HostedPage.NotFound(Provider, "Not found", detail);

    private static HostedPage Page(string template, PayerMaxOrder order, MethodView? method, string? error = null, int statusCode = StatusCodes.Status200OK) =>
        new(Provider, $"PayerMax/Pages/{template}", new CashierView(OrderView.Of(order), method, error, TestCards.All), statusCode);
}
