using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>What the hosted checkout pages show of a session: a snapshot taken under the store's lock, no card data.</summary>
internal sealed record CheckoutView(
    string Page,
    string Name,
    string Amount,
    IReadOnlyList<CheckoutItemView> Items,
    string? Message,
    CardDetails? Authentication,
    bool Card,
    bool WechatPay,
    string? CancelUrl,
    bool Complete,
    bool Paid,
    string ReturnUrl)
{
    public static CheckoutView Of(CheckoutSession session, string? message) => new(
        CheckoutEndpoints.PagePath(session.Id),
        session.LineItems[0].Name,
        Money.Format(session.AmountTotal, session.Currency),
        [.. session.LineItems.Select(i => new CheckoutItemView(i.Name, i.Quantity, Money.Format(i.Amount, session.Currency)))],
        message,
        session.AwaitingAuthentication,
        session.Allows("card"),
        session.Allows("wechat_pay"),
        session.CancelUrl,
        session.Status == "complete",
        session.PaymentStatus == "paid",
        session.ReturnUrl);
}

/// <summary>One line of the order summary.</summary>
internal sealed record CheckoutItemView(string Name, long Quantity, string Amount);
