namespace IpoctoPayments.Simulator.PayerMax.Catalogue;

/// <summary>
/// One local method of a country as PayerMax names it (<c>paymentMethodType</c> / <c>targetOrg</c>), with its
/// amount limits in minor units of the country's currency.
/// </summary>
internal sealed record PaymentMethod(string Type, string? TargetOrg, string DisplayName, CashierFlow Flow, long? MinMinor = null, long? MaxMinor = null)
{
    /// <summary>The method's name in the simulator's URLs and control API: <c>WALLET-GCASH</c>, <c>CARD</c>.</summary>
    public string Key => TargetOrg is null ? Type : $"{Type}-{TargetOrg}";

    public bool Allows(long amountMinor) =>
        (MinMinor is not { } min || amountMinor >= min) && (MaxMinor is not { } max || amountMinor <= max);

    public bool Matches(string type, string? targetOrg) =>
        string.Equals(Type, type, StringComparison.OrdinalIgnoreCase)
        && (string.IsNullOrEmpty(targetOrg) || string.Equals(TargetOrg, targetOrg, StringComparison.OrdinalIgnoreCase));
}
