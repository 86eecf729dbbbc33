using System.Text;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using static IpoctoPayments.Simulator.PayerMax.Pages.Html;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>The cashier's pages: the method list and, per method, its QR code, redirect or card form.</summary>
internal static class CashierPages
{
    public static IResult Home(PayerMaxOrder order)
    {
        var body = new StringBuilder(Header(order));
        if (order.Status != PaymentStatus.Pending)
        {
            return Page("PayerMax cashier", body.Append(Finished(order)).ToString());
        }

        body.Append("<h2>Choose a payment method</h2><ul class=\"methods\">");
        foreach (var method in order.OfferedMethods)
        {
            body.Append("<li><a class=\"method\" href=\"").Append(Encode(PayerMaxUrls.Method(order.TradeToken, method.Key)))
                .Append("\">Pay with ").Append(Encode(method.DisplayName)).Append("</a></li>");
        }

        if (order.OfferedMethods.Count == 0)
        {
            body.Append("<li role=\"alert\" class=\"error\">No payment method is available for this amount.</li>");
        }

        return Page("PayerMax cashier", body.Append("</ul>").ToString());
    }

    public static IResult Method(PayerMaxOrder order, PaymentMethod method, string baseUrl, string? error = null, int statusCode = StatusCodes.Status200OK)
    {
        var body = new StringBuilder(Header(order)).Append("<h2>").Append(Encode(method.DisplayName)).Append("</h2>");
        if (error is not null)
        {
            body.Append("<p role=\"alert\" class=\"error\">").Append(Encode(error)).Append("</p>");
        }

        var action = PayerMaxUrls.Method(order.TradeToken, method.Key);
        var walletApp = PayerMaxUrls.WalletApp(order.TradeToken, method.Key);
        switch (method.Flow)
        {
            case CashierFlow.EWallet or CashierFlow.QrCode:
                body.Append("<p>Scan the code with ").Append(Encode(method.DisplayName)).Append(" to pay.</p>")
                    .Append("<img class=\"qr\" alt=\"QR code to pay with ").Append(Encode(method.DisplayName)).Append("\" src=\"")
                    .Append(QrCodeImage.PngDataUri(baseUrl + walletApp)).Append("\">")
                    .Append(PostButton(action + "/scan", "Simulate scan", primary: true));
                if (method.Flow == CashierFlow.EWallet)
                {
                    body.Append(Link(walletApp, "Open wallet app"));
                }

                break;
            case CashierFlow.WalletApp:
                body.Append(Link(walletApp, "Open wallet app"));
                break;
            case CashierFlow.OnlineBanking:
                body.Append("<p>You will sign in to your bank to authorise the payment.</p>")
                    .Append(Link(PayerMaxUrls.Bank(order.TradeToken, method.Key), "Continue to bank"));
                break;
            case CashierFlow.CardForm:
                body.Append(CardForm(order, action + "/card"));
                break;
        }

        body.Append("<p><a href=\"").Append(Encode(PayerMaxUrls.Cashier(order.TradeToken))).Append("\">Other payment methods</a></p>");
        return Page($"PayerMax cashier — {method.DisplayName}", body.ToString(), statusCode);
    }

    /// <summary>The order's amount and subject, and the sandbox notice when the subject forces the result.</summary>
    public static string Header(PayerMaxOrder order)
    {
        var header = new StringBuilder()
            .Append("<p class=\"muted\">PayerMax simulated cashier · ").Append(Encode(order.Request.Country.Name)).Append("</p>")
            .Append("<h1>").Append(Encode(order.Request.Subject)).Append("</h1>")
            .Append("<p class=\"amount\">").Append(Encode(PayerMaxMoney.Display(order.AmountMinor, order.Currency))).Append("</p>");
        if (SandboxSubject.ResultOf(order.Request.Subject) is { } forced)
        {
            header.Append("<p class=\"notice\" role=\"note\">Sandbox: the subject forces the result ").Append(Encode(forced.ToString().ToUpperInvariant()))
                .Append(", whatever method is used.</p>");
        }

        return header.ToString();
    }

    public static string PostButton(string action, string label, bool primary = false, string? name = null, string? value = null) =>
        new StringBuilder("<form method=\"post\" action=\"").Append(Encode(action)).Append("\"><button type=\"submit\"")
            .Append(primary ? " class=\"primary\"" : "")
            .Append(name is null ? "" : $" name=\"{Encode(name)}\" value=\"{Encode(value)}\"")
            .Append('>').Append(Encode(label)).Append("</button></form>")
            .ToString();

    public static string Link(string href, string label) =>
        $"<p><a class=\"method\" href=\"{Encode(href)}\">{Encode(label)}</a></p>";

    private static string Finished(PayerMaxOrder order) =>
        new StringBuilder("<p role=\"status\">This order is ").Append(Encode(order.Status)).Append(".</p>")
            .Append(Link(PayerMaxUrls.FrontCallback(order.Request.FrontCallbackUrl, order.OutTradeNo, order.Status), "Return to merchant"))
            .ToString();

    private static string CardForm(PayerMaxOrder order, string action)
    {
        var form = new StringBuilder("<form method=\"post\" action=\"").Append(Encode(action)).Append("\" autocomplete=\"off\">")
            .Append("<label for=\"cardNumber\">Card number</label><input id=\"cardNumber\" name=\"cardNumber\" inputmode=\"numeric\" required>")
            .Append("<label for=\"expiry\">Expiry date (MM/YY)</label><input id=\"expiry\" name=\"expiry\" placeholder=\"MM/YY\" required>")
            .Append("<label for=\"cvv\">CVV</label><input id=\"cvv\" name=\"cvv\" inputmode=\"numeric\" required>")
            .Append("<label for=\"holder\">Name on card</label><input id=\"holder\" name=\"holder\">")
            .Append("<p><button type=\"submit\" class=\"primary\">Pay ").Append(Encode(PayerMaxMoney.Display(order.AmountMinor, order.Currency)))
            .Append("</button></p></form>")
            .Append("<details><summary>Test cards</summary><ul>");
        foreach (var card in TestCards.All)
        {
            form.Append("<li>").Append(Encode(card.Number)).Append(" — ").Append(Encode(card.CardOrg)).Append(", ")
                .Append(Encode(card.FailureCode ?? "succeeds")).Append("</li>");
        }

        return form.Append("</ul></details>").ToString();
    }
}
