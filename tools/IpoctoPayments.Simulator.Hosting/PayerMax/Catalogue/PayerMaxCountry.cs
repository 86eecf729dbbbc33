namespace IpoctoPayments.Simulator.PayerMax.Catalogue;

/// <summary>A country the cashier serves: its currency and local methods.</summary>
internal sealed record PayerMaxCountry(string Code, string Name, string Currency, IReadOnlyList<PaymentMethod> Methods, bool RefundsSupported = true, bool Inferred = false)
{
    public PaymentMethod? FindMethod(string key) =>
        Methods.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase));
}
