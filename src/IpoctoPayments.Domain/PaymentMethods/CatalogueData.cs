using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>Shorthands for writing the catalogue's fixed data; a typo here fails the catalogue tests at once.</summary>
internal static class CatalogueData
{
    public static Currency Currency(string code) => Common.Currency.FromCode(code).Value;

    public static Currency[] Currencies(string codes) =>
        [.. codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Currency)];

    public static Money Amount(string amount, string currency) => Money.Parse(amount, currency).Value;

    public static CountryCode Country(string code) => CountryCode.Parse(code).Value;

    public static CountryCode[] Countries(string codes) =>
        [.. codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Country)];
}
