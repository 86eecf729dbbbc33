using IpoctoPayments.Simulator.Stripe.Api;

namespace IpoctoPayments.Simulator.Stripe.Engine;

/// <summary>Stripe's documented test cards and what each does (stripe.md, "Test cards").</summary>
internal static class TestCards
{
    public const string Visa = "4242424242424242";
    public const string ThreeDSecure = "4000000000003220";

    /// <summary>Decline codes the control API accepts, each with the test card that produces it.</summary>
    public static readonly IReadOnlyDictionary<string, string> CardForDecline = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["generic_decline"] = "4000000000000002",
        ["insufficient_funds"] = "4000000000009995",
        ["lost_card"] = "4000000000009987",
        ["stolen_card"] = "4000000000009979",
        ["expired_card"] = "4000000000000069",
        ["incorrect_cvc"] = "4000000000000127",
        ["processing_error"] = "4000000000000119",
        ["incorrect_number"] = "4242424242424241",
    };

    private static readonly Dictionary<string, string> DeclineForCard =
        CardForDecline.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Pays, then is disputed as fraudulent with the funds withdrawn.</summary>
    public const string DisputedFraudulent = "4000000000000259";

    /// <summary>Cards that pay and are then disputed: the dispute's reason and whether it is only an inquiry.</summary>
    private static readonly Dictionary<string, (string Reason, bool Inquiry)> Disputed = new(StringComparer.Ordinal)
    {
        [DisputedFraudulent] = ("fraudulent", false),
        ["4000000000002685"] = ("product_not_received", false),
        ["4000000000001976"] = ("fraudulent", true),
    };

    private static readonly HashSet<string> Succeeding = new(Disputed.Keys, StringComparer.Ordinal) { Visa, "5555555555554444", "378282246310005" };

    /// <summary>The decline a card number meets, or null when it pays (or, for <see cref="ThreeDSecure"/>, asks to authenticate).</summary>
    public static StripeError? DeclineFor(string number)
    {
        if (DeclineForCard.TryGetValue(number, out var code))
        {
            return Decline(code);
        }

        if (!PassesLuhn(number))
        {
            return Decline("incorrect_number");
        }

        return Succeeding.Contains(number) || number == ThreeDSecure
            ? null
            : CardError("card_declined", "test_mode_live_card", "Your card was declined. Your request was in test mode, but used a non test (live) card.");
    }

    /// <summary>The dispute a paying card brings, or null when the payment stays undisputed.</summary>
    public static (string Reason, bool Inquiry)? DisputeFor(string number) =>
        Disputed.TryGetValue(number, out var dispute) ? dispute : null;

    /// <summary>The card error for a decline code, as Stripe words it.</summary>
    public static StripeError Decline(string declineCode) => declineCode switch
    {
        "generic_decline" => CardError("card_declined", "generic_decline", "Your card was declined."),
        "insufficient_funds" => CardError("card_declined", "insufficient_funds", "Your card has insufficient funds."),
        "lost_card" => CardError("card_declined", "lost_card", "Your card was declined."),
        "stolen_card" => CardError("card_declined", "stolen_card", "Your card was declined."),
        "expired_card" => CardError("expired_card", "expired_card", "Your card has expired."),
        "incorrect_cvc" => CardError("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
        "processing_error" => CardError("processing_error", "processing_error", "An error occurred while processing your card. Try again in a little bit."),
        "incorrect_number" => CardError("incorrect_number", null, "Your card number is incorrect."),
        _ => throw new ArgumentOutOfRangeException(nameof(declineCode), declineCode, "Not a simulated decline code."),
    };

    public static StripeError AuthenticationFailed() =>
        CardError("payment_intent_authentication_failure", null, "We are unable to authenticate your payment method. Please choose a different payment method and try again.");

    public static string Brand(string number) => number switch
    {
        ['4', ..] => "visa",
        ['5', ..] or ['2', ..] => "mastercard",
        ['3', '4' or '7', ..] => "amex",
        _ => "unknown",
    };

    private static StripeError CardError(string code, string? declineCode, string message) =>
        new(StatusCodes.Status402PaymentRequired, "card_error", message, code, null, declineCode);

    private static bool PassesLuhn(string number)
    {
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
