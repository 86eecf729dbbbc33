using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>Which methods each provider offers in each country, and why a method is absent.</summary>
public sealed class PaymentMethodCatalogue
{
    // The guide's answer to "Why can't I see the payment method I want to use?".
    internal const string VariesByCountry =
        "The available payment methods vary depending on your country/region. "
        + "This is determined by our payment partners based on local regulations and banking support.";

    private readonly IReadOnlyList<PaymentMethod> methods;

    public PaymentMethodCatalogue(IEnumerable<PaymentMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        this.methods = [.. methods];
    }

    /// <summary>The catalogue from the providers' reference material.</summary>
    public static PaymentMethodCatalogue Default { get; } = new(StripeMethods.All().Concat(PayerMaxMethods.All()));

    public IReadOnlyList<PaymentMethod> Methods => methods;

    /// <summary>
    /// The methods offered for a country, optionally narrowed to a charge currency, a charge amount (in the currency the
    /// customer pays, after any conversion) and a provider; every other method comes back with the reason it is absent,
    /// and an amount out of a method's range with what to enter instead when the <paramref name="conversion"/> is known.
    /// </summary>
    public Result<MethodAvailability> Available(
        CountryCode country, Currency? currency = null, Money? amount = null, PaymentProvider? provider = null, ChargeConversion? conversion = null)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (amount is not null && currency is not null && amount.Currency != currency)
            return new DomainError("currency_mismatch", $"The amount is in {amount.Currency}, not {currency}.");

        currency ??= amount?.Currency;
        var offered = new List<PaymentMethod>();
        var unavailable = new List<UnavailableMethod>();

        foreach (var sameMethod in methods.Where(m => provider is null || m.Provider == provider).GroupBy(m => (m.Provider, m.Code)))
        {
            var here = sameMethod.FirstOrDefault(m => m.Country == country);
            var reason = here is null
                ? NotHere(sameMethod.First(), country)
                : Check(here, currency, amount, conversion);

            if (reason is null)
                offered.Add(here!);
            else
                unavailable.Add(reason);
        }

        return new MethodAvailability(country, offered, unavailable);
    }

    /// <summary>A provider's method in a country, by its code; null where the provider has no such method there.</summary>
    public PaymentMethod? Method(PaymentProvider provider, CountryCode country, string code) =>
        methods.FirstOrDefault(m => m.Provider == provider && m.Country == country && string.Equals(m.Code, code, StringComparison.Ordinal));

    /// <summary>Whether the provider can send a payment by this method back; one made by a method chosen on the provider's page is tried.</summary>
    public bool CanRefund(PaymentProvider provider, CountryCode country, string? methodCode) =>
        methodCode is null || Method(provider, country, methodCode)?.Refundable != false;

    /// <summary>
    /// The currency a top-up must be charged in when the methods asked for do not take the balance currency (a PHP
    /// wallet, say), so a rate must be locked first; null when they take it, or when nothing is offered (the quote says why).
    /// </summary>
    public Currency? ChargeCurrency(PaymentProvider provider, CountryCode country, string? methodCode, Currency balance)
    {
        var candidates = methods.Where(m => m.Provider == provider && m.Country == country && (methodCode is null || m.Code == methodCode)).ToList();
        return candidates.Count == 0 || candidates.Exists(m => m.Accepts(balance)) ? null : candidates[0].Currencies[0];
    }

    /// <summary>
    /// Prices a top-up of <paramref name="credit"/>: converted at <paramref name="rate"/> (if any) and rounded to the
    /// <paramref name="chargeDecimals"/> the provider takes, then checked against the chosen method's limits — or, with
    /// no method chosen, against every method offered, one of which must take the charge. A refusal says what to enter
    /// instead within <paramref name="credits"/>, the amounts a top-up may be.
    /// </summary>
    public Result<TopUpQuote> Quote(
        PaymentProvider provider, CountryCode country, string? methodCode, Money credit, ExchangeRate? rate, int chargeDecimals, CreditRange? credits = null)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var conversion = rate is null ? null : new ChargeConversion(rate, chargeDecimals, credits);
        var charged = conversion?.Convert(credit) ?? credit;
        if (!charged.IsSuccess)
            return charged.Error!;

        var charge = charged.Value;
        if (methodCode is not null)
            return Find(provider, country, methodCode, charge, conversion).Then<TopUpQuote>(method => new TopUpQuote(method, charge, rate, chargeDecimals));

        return Available(country, charge.Currency, charge, provider, conversion).Then<TopUpQuote>(availability => availability.Offered.Count > 0
            ? new TopUpQuote(null, charge, rate, chargeDecimals)
            : new DomainError("payment_method_unavailable",
                availability.Unavailable.Count > 0 ? availability.Unavailable[0].Message : $"No payment method is offered in {country}."));
    }

    /// <summary>The method a customer chose, if it may be used for this payment; otherwise the reason as an error.</summary>
    public Result<PaymentMethod> Find(PaymentProvider provider, CountryCode country, string code, Money charge, ChargeConversion? conversion = null)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var known = methods.Where(m => m.Provider == provider && string.Equals(m.Code, code, StringComparison.Ordinal)).ToList();
        if (known.Count == 0)
            return new DomainError("payment_method_unknown", $"{provider} has no payment method '{code}'.");

        var here = known.FirstOrDefault(m => m.Country == country);
        var reason = here is null ? NotHere(known[0], country) : Check(here, charge.Currency, charge, conversion);
        return reason is null ? here! : new DomainError(ErrorCodeOf(reason.Reason), reason.Message);
    }

    private UnavailableMethod NotHere(PaymentMethod method, CountryCode country) =>
        methods.Any(m => m.Provider == method.Provider && m.Country == country)
            ? Absent(method, UnavailableReason.NotOfferedInCountry, $"{method.DisplayName} is not offered in {country}. {VariesByCountry}")
            : Absent(method, UnavailableReason.ProviderNotServingCountry,
                $"{method.Provider} does not offer payments in {country}. {VariesByCountry}");

    private static UnavailableMethod? Check(PaymentMethod method, Currency? currency, Money? amount, ChargeConversion? conversion)
    {
        if (currency is not null && !method.Accepts(currency))
        {
            var accepted = string.Join(", ", method.Currencies.Select(c => c.Code));
            return Absent(method, UnavailableReason.CurrencyNotSupported,
                $"{method.DisplayName} does not accept {currency} in {method.Country}; it accepts {accepted}.");
        }

        if (amount is null)
            return null;

        var minimum = method.MinimumFor(amount.Currency);
        // A charge converted and rounded to nothing cannot be paid, whatever the method's documented range.
        if (amount.IsZero)
        {
            return Absent(method, UnavailableReason.AmountBelowMinimum,
                $"The amount comes to {amount}, too little for {method.DisplayName} to charge{InCredit(conversion, "at least", c => c.SuggestAtLeast(minimum ?? c.SmallestCharge))}.");
        }

        if (minimum is not null && amount.MinorUnits < minimum.MinorUnits)
        {
            return Absent(method, UnavailableReason.AmountBelowMinimum,
                $"The minimum amount for {method.DisplayName} is {minimum}{InCredit(conversion, "at least", c => c.SuggestAtLeast(minimum))}.");
        }

        if (method.MaximumFor(amount.Currency) is { } maximum && amount.MinorUnits > maximum.MinorUnits)
        {
            return Absent(method, UnavailableReason.AmountAboveMaximum,
                $"The maximum amount for {method.DisplayName} is {maximum}{InCredit(conversion, "at most", c => c.SuggestAtMost(maximum))}.");
        }

        return null;
    }

    /// <summary>What to top up instead, in the balance currency, when the charge was converted into another and a top-up can meet it.</summary>
    private static string InCredit(ChargeConversion? conversion, string bound, Func<ChargeConversion, Money?> credit) =>
        conversion is not null && credit(conversion) is { } suggested ? $" ({bound} {suggested} at the current rate)" : "";

    private static UnavailableMethod Absent(PaymentMethod method, UnavailableReason reason, string message) =>
        new(method.Provider, method.Code, method.DisplayName, reason, message);

    private static string ErrorCodeOf(UnavailableReason reason) => reason switch
    {
        UnavailableReason.AmountBelowMinimum or UnavailableReason.AmountAboveMaximum => "amount_out_of_range",
        UnavailableReason.CurrencyNotSupported => "currency_not_supported",
        _ => "payment_method_unavailable",
    };
}
