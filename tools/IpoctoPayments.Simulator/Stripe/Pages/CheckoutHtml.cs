using System.Net;
using System.Text;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>The hosted Checkout page, server-rendered. Every value from a merchant or customer is HTML-encoded.</summary>
internal static class CheckoutHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;background:#f6f9fc;color:#1a1f36;margin:0}
        main{max-width:440px;margin:40px auto;background:#fff;border-radius:8px;padding:24px 28px;box-shadow:0 2px 8px #0002}
        h1{font-size:1.1rem;margin:0 0 4px}.amount{font-size:2rem;font-weight:600;margin:0 0 16px}
        ul.items{padding:0;list-style:none;color:#4f566b}label{display:block;margin:12px 0 4px;font-size:.9rem}
        input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #cfd7df;border-radius:6px;font-size:1rem}
        button{width:100%;padding:12px;margin-top:14px;border:0;border-radius:6px;font-size:1rem;cursor:pointer;background:#635bff;color:#fff}
        button.wallet{background:#000}.row{display:flex;gap:12px}.row>div{flex:1}
        .alert{background:#fde8e8;color:#9b1c1c;padding:10px;border-radius:6px;margin:12px 0}
        .note{color:#697386;font-size:.85rem}section{border-top:1px solid #e3e8ee;margin-top:20px;padding-top:8px}
        img.qr{display:block;margin:8px auto;width:200px;height:200px;image-rendering:pixelated}a{color:#635bff}
        """;

    public static string Open(CheckoutSession session, string? message)
    {
        var body = new StringBuilder();
        Summary(body, session);
        if (message is not null)
        {
            body.Append($"<p class=\"alert\" role=\"alert\">{E(message)}</p>");
        }

        if (session.AwaitingAuthentication is { } card)
        {
            body.Append($"""
                <section aria-labelledby="auth"><h2 id="auth">3D Secure authentication</h2>
                <p>Your bank asks you to confirm this payment with your {E(card.Brand)} card ending in {E(card.Last4)}.</p>
                <form method="post" action="{E(Path(session, "authenticate"))}">
                <button type="submit" name="action" value="complete">Complete authentication</button>
                <button type="submit" name="action" value="fail" class="wallet">Fail authentication</button></form></section>
                """);
            return Layout("Confirm your payment", body.ToString());
        }

        if (session.Allows("card"))
        {
            body.Append($"""
                <section aria-labelledby="wallets"><h2 id="wallets">Express checkout</h2>
                <form method="post" action="{E(Path(session, "wallet"))}">
                <button type="submit" name="wallet" value="apple_pay" class="wallet">Apple Pay</button>
                <button type="submit" name="wallet" value="google_pay" class="wallet">Google Pay</button></form></section>
                <section aria-labelledby="card"><h2 id="card">Pay with card</h2>
                <form method="post" action="{E(Path(session, "card"))}">
                <label for="card_number">Card number</label>
                <input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
                <div class="row"><div><label for="card_expiry">Expiration date</label>
                <input id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM / YY" required></div>
                <div><label for="card_cvc">CVC</label>
                <input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required></div></div>
                <button type="submit">Pay</button></form>
                <p class="note">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 3220 asks for 3D Secure.</p></section>
                """);
        }

        if (session.Allows("wechat_pay"))
        {
            body.Append($"""
                <section aria-labelledby="wechat"><h2 id="wechat">WeChat Pay</h2>
                <p>Scan the code with WeChat to pay.</p>
                <img class="qr" src="{E(Path(session, "wechat.png"))}" alt="WeChat Pay QR code">
                <form method="post" action="{E(Path(session, "wechat/scan"))}"><button type="submit">Simulate scan</button></form></section>
                """);
        }

        if (session.CancelUrl is { } cancel)
        {
            body.Append($"<p><a href=\"{E(cancel)}\">Cancel</a> and return to the merchant</p>");
        }

        return Layout("Checkout", body.ToString());
    }

    public static string Closed(CheckoutSession session, string? message)
    {
        var body = new StringBuilder();
        Summary(body, session);
        if (message is not null)
        {
            body.Append($"<p class=\"alert\" role=\"alert\">{E(message)}</p>");
        }

        if (session.Status == "complete")
        {
            body.Append(session.PaymentStatus == "paid"
                ? "<h2>Payment complete</h2><p>Thank you. This payment has been made.</p>"
                : "<h2>Payment submitted</h2><p>Your payment is being processed. The merchant will confirm it.</p>");
            body.Append($"<p><a href=\"{E(SuccessUrl(session))}\">Return to the merchant</a></p>");
        }
        else
        {
            body.Append("<h2>This checkout session has expired</h2><p>Nothing more can be paid here. Return to the merchant to start again.</p>");
            if (session.CancelUrl is { } cancel)
            {
                body.Append($"<p><a href=\"{E(cancel)}\">Return to the merchant</a></p>");
            }
        }

        return Layout(session.Status == "complete" ? "Payment complete" : "Session expired", body.ToString());
    }

    /// <summary>What the customer's phone shows after scanning the WeChat Pay code.</summary>
    public static string WeChatConfirm(CheckoutSession session) => Layout("WeChat Pay", $"""
        <h1>WeChat Pay</h1><p class="amount">{E(Money.Format(session.AmountTotal, session.Currency))}</p>
        <form method="post" action="{E(Path(session, "wechat/scan"))}"><button type="submit">Confirm payment</button></form>
        """);

    public static string NotFound(string id) =>
        Layout("Not found", $"<h1>Checkout session not found</h1><p>There is no checkout session <code>{E(id)}</code>.</p>");

    public static string SuccessUrl(CheckoutSession session) =>
        session.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal);

    private static void Summary(StringBuilder body, CheckoutSession session)
    {
        body.Append($"<h1>{E(session.LineItems[0].Name)}</h1>");
        body.Append($"<p class=\"amount\" aria-label=\"Amount due\">{E(Money.Format(session.AmountTotal, session.Currency))}</p><ul class=\"items\">");
        foreach (var item in session.LineItems)
        {
            body.Append($"<li>{E(item.Name)} × {item.Quantity} — {E(Money.Format(item.Amount, session.Currency))}</li>");
        }

        body.Append("</ul>");
    }

    private static string Path(CheckoutSession session, string action) => $"/c/pay/{Uri.EscapeDataString(session.Id)}/{action}";

    private static string Layout(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Stripe simulator</title><style>{Style}</style></head>
        <body><main>{body}<p class="note">Test mode: ipocto provider simulator, no real payment is made.</p></main></body></html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
