namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>
/// The card numbers the simulated cashier accepts: PayerMax's sandbox test cards succeed; the 44443333222200xx
/// numbers (Luhn-valid Visa) decline with the code named. Any other number is refused on the form.
/// </summary>
internal static class TestCards
{
    public static IReadOnlyList<TestCard> All { get; } =
    [
        new("4444333322221111", "VISA", null),
        new("5555555555554444", "MASTERCARD", null),
        new("5297412542005689", "MADA", null),
        new("4507785555554449", "KNET", null),
        new("4444333322220006", "VISA", "CARD_INVALID"),
        new("4444333322220014", "VISA", "CVV_INVALID"),
        new("4444333322220022", "VISA", "BALANCE_INSUFFICIENT"),
        new("4444333322220030", "VISA", "ISSUER_PAYMENT_REJECTED"),
    ];

    public static TestCard? Find(string number) => All.FirstOrDefault(c => c.Number == number);
}

/// <summary>A test card; <paramref name="FailureCode"/> is null for cards that pay.</summary>
internal sealed record TestCard(string Number, string CardOrg, string? FailureCode)
{
    public string Last4 => Number[^4..];
}
