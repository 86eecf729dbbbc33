using IpoctoPayments.Application.Common;
using Mediator;

namespace IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;

/// <summary>"Why can't I see the payment method I want to use?": what a country offers for an amount, and why the rest is absent.</summary>
public sealed record ListPaymentMethodsQuery(string? Country, string? Amount, string? Provider) : IQuery<PaymentMethodsView>;

/// <summary>
/// A method offered. <see cref="Minimum"/> and <see cref="Maximum"/> are the method's own range for one payment, in the
/// currency it charges (null where its provider documents none); a top-up also keeps to ipocto's own limits, in the
/// balance currency (<c>GET /topups/limits</c>).
/// </summary>
public sealed record PaymentMethodView(
    string Provider,
    string Code,
    string Name,
    string Kind,
    string Flow,
    IReadOnlyList<string> Currencies,
    string ChargeCurrency,
    string? ChargeAmount,
    string? ExchangeRate,
    MoneyView? Minimum,
    MoneyView? Maximum);

public sealed record UnavailableMethodView(string Provider, string Code, string Name, string Reason, string Message);

public sealed record PaymentMethodsView(string Country, IReadOnlyList<PaymentMethodView> Offered, IReadOnlyList<UnavailableMethodView> Unavailable);
