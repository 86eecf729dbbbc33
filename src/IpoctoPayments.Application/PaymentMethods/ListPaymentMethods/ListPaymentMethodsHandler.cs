using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.PaymentMethods;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;

/// <summary>
/// Each method is checked in the currency it charges: the balance currency where it takes it, else its local currency at
/// today's rate, so the limits in the answer are the ones the customer's payment will meet.
/// </summary>
internal sealed class ListPaymentMethodsHandler(
    PaymentMethodCatalogue catalogue, IExchangeRates rates, IPaymentGateways gateways, IOptions<BalanceOptions> options, TopUpLimits limits)
    : IQueryHandler<ListPaymentMethodsQuery, PaymentMethodsView>
{
    public async ValueTask<PaymentMethodsView> Handle(ListPaymentMethodsQuery query, CancellationToken cancellationToken)
    {
        var country = CountryCode.Parse(query.Country).Value;
        var provider = ProviderNames.Parse(query.Provider);
        var balanceCurrency = options.Value.ToCurrency();
        Money? credit = null;
        if (query.Amount is not null)
        {
            credit = Money.Parse(query.Amount, balanceCurrency).OrThrow(ErrorKind.Invalid, "amount");
            if (credit.IsZero)
            {
                // The same answer CreateTopUp gives: no method is offered for a top-up of nothing.
                throw AppException.Invalid("invalid_amount", "A top-up amount must be above zero.", "amount");
            }
        }

        var offered = new List<PaymentMethodView>();
        var unavailable = new List<UnavailableMethodView>();
        var everywhere = catalogue.Available(country, provider: provider).Value;
        unavailable.AddRange(everywhere.Unavailable.Select(View));

        foreach (var method in everywhere.Offered)
        {
            var chargeCurrency = method.Accepts(balanceCurrency) ? balanceCurrency : method.Currencies[0];
            var rate = chargeCurrency == balanceCurrency ? null : await rates.FindAsync(balanceCurrency, chargeCurrency, cancellationToken);
            if (chargeCurrency != balanceCurrency && rate is null)
            {
                unavailable.Add(new UnavailableMethodView(ProviderNames.Of(method.Provider), method.Code, method.DisplayName, "currency_not_supported",
                    $"{method.DisplayName} charges in {chargeCurrency}, which top-ups in {balanceCurrency} cannot be converted to at the moment."));
                continue;
            }

            var conversion = rate is null
                ? null
                : new ChargeConversion(rate, gateways.For(method.Provider).ChargeDecimals(chargeCurrency), limits.PerTopUp);
            var charge = credit is null || conversion is null ? credit : conversion.Convert(credit).OrThrow(ErrorKind.Invalid, "amount");
            var check = catalogue.Available(country, chargeCurrency, charge, method.Provider, conversion).Value;
            if (check.Unavailable.FirstOrDefault(u => u.Code == method.Code) is { } reason)
            {
                unavailable.Add(View(reason));
                continue;
            }

            offered.Add(new PaymentMethodView(
                ProviderNames.Of(method.Provider), method.Code, method.DisplayName, StatusNames.Of(method.Kind), StatusNames.Of(method.Flow),
                [.. method.Currencies.Select(c => c.Code)], chargeCurrency.Code, charge?.ToMajorUnitString(), rate?.ToString(),
                ViewOf(method.MinimumFor(chargeCurrency)), ViewOf(method.MaximumFor(chargeCurrency))));
        }

        return new PaymentMethodsView(country.Value, offered, unavailable);
    }

    private static MoneyView? ViewOf(Money? limit) => limit is null ? null : MoneyView.From(limit);

    private static UnavailableMethodView View(UnavailableMethod method) =>
        new(ProviderNames.Of(method.Provider), method.Code, method.DisplayName, StatusNames.Of(method.Reason), method.Message);
}
