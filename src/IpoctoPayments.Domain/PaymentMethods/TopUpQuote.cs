using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>
/// What a top-up costs the customer: the <see cref="Charge"/> in the currency they pay, the locked <see cref="Rate"/>
/// that converted the credit into it (null when they pay in the balance currency), and the <see cref="Method"/> they
/// chose (null: they choose on the provider's page, from the methods offered). <see cref="ChargeDecimals"/> are the
/// decimals the provider takes in the charge currency, which may be fewer than the currency's own (PayerMax: whole rupiah).
/// </summary>
public sealed record TopUpQuote(PaymentMethod? Method, Money Charge, ExchangeRate? Rate, int ChargeDecimals);
