namespace IpoctoPayments.Domain.Errors;

/// <summary>The payment guide's troubleshooting steps, word for word, composed into guidance per error.</summary>
internal static class Guidance
{
    // The guide's support e-mail address reached us obfuscated ("[email protected]"), so the guidance names its other
    // channel, word for word, rather than show a customer that placeholder.
    public const string LiveChat = "Live Chat: after logging into your ipocto account, click the \"Help\" icon in the lower right corner";

    public const string CheckConnection = "Check your internet connection.";
    public const string CheckFunds = "Ensure your bank card has sufficient funds or available credit.";
    public const string CheckCardDetails = "Verify that the card number, expiration date, and CVC code were entered correctly.";
    public const string WaitAndRetry = "Wait a moment and try again.";

    public const string ContactSupport =
        "If the problem persists, please note down the error code and your order number and contact our customer support by "
        + LiveChat + ".";

    public static string Steps(params string[] steps) =>
        string.Join(" ", steps.Select((step, index) => $"{index + 1}. {step}").Append(ContactSupport));
}
