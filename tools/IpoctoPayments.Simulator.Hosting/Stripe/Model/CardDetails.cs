using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>What is kept of a card: brand, last four digits and expiry, never the number or the CVC.</summary>
internal sealed record CardDetails(string Brand, string Last4, int ExpMonth, int ExpYear, string? Wallet);

/// <summary>How a payment was made: a card (perhaps in a wallet) or WeChat Pay.</summary>
internal sealed record PaymentMethodDetails(string Id, string Type, CardDetails? Card)
{
    public JsonObject ToJson()
    {
        var details = new JsonObject { ["type"] = Type };
        details[Type] = Card is null
            ? new JsonObject()
            : new JsonObject
            {
                ["brand"] = Card.Brand,
                ["last4"] = Card.Last4,
                ["exp_month"] = Card.ExpMonth,
                ["exp_year"] = Card.ExpYear,
                ["funding"] = "credit",
                ["wallet"] = Card.Wallet is null ? null : new JsonObject { ["type"] = Card.Wallet },
            };
        return details;
    }
}
