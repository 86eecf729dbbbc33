using System.Text;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Model;
using static IpoctoPayments.Simulator.PayerMax.Pages.Html;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>The pages the customer leaves the cashier for: the wallet app's confirm page and the bank's login page.</summary>
internal static class ProviderPages
{
    public const string ActionField = "action";
    public const string Confirm = "confirm";
    public const string Cancel = "cancel";

    public static IResult WalletApp(PayerMaxOrder order, PaymentMethod method)
    {
        var action = PayerMaxUrls.WalletApp(order.TradeToken, method.Key);
        var body = new StringBuilder("<p class=\"muted\">Simulated wallet app</p><h1>").Append(Encode(method.DisplayName)).Append("</h1>")
            .Append(Summary(order))
            .Append(CashierPages.PostButton(action, "Confirm payment", primary: true, ActionField, Confirm))
            .Append(CashierPages.PostButton(action, "Cancel", primary: false, ActionField, Cancel));
        return Page($"{method.DisplayName} — confirm payment", body.ToString());
    }

    public static IResult BankLogin(PayerMaxOrder order, PaymentMethod method)
    {
        var action = Encode(PayerMaxUrls.Bank(order.TradeToken, method.Key));
        var body = new StringBuilder("<p class=\"muted\">Simulated online banking</p><h1>").Append(Encode(method.DisplayName)).Append("</h1>")
            .Append(Summary(order))
            .Append("<form method=\"post\" action=\"").Append(action).Append("\">")
            .Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"off\">")
            .Append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"off\">")
            .Append("<p class=\"muted\">Any username and password are accepted.</p>")
            .Append("<p><button type=\"submit\" class=\"primary\" name=\"").Append(ActionField).Append("\" value=\"").Append(Confirm).Append("\">Authorise</button></p>")
            .Append("<p><button type=\"submit\" name=\"").Append(ActionField).Append("\" value=\"").Append(Cancel).Append("\">Cancel</button></p>")
            .Append("</form>");
        return Page($"{method.DisplayName} — authorise payment", body.ToString());
    }

    private static string Summary(PayerMaxOrder order) =>
        new StringBuilder("<p>Pay <strong>").Append(Encode(PayerMaxMoney.Display(order.AmountMinor, order.Currency)))
            .Append("</strong> for ").Append(Encode(order.Request.Subject)).Append(" (order ").Append(Encode(order.OutTradeNo)).Append(").</p>")
            .ToString();
}
