using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// A balance top-up paid through one provider (guide steps 1–5). Every change goes through a method that guards its
/// precondition; provider events never move the order backwards, and each one, applied or ignored, is on the timeline.
/// Times are passed in: the domain never reads a clock.
/// </summary>
public sealed partial class TopUpOrder
{
    private readonly List<PaymentAttempt> attempts = [];
    private readonly List<Refund> refunds = [];
    private readonly List<Dispute> disputes = [];
    private readonly List<TimelineEntry> timeline = [];

    private TopUpOrder(
        Guid id, OrderNumber number, AccountId accountId, PaymentProvider provider, CountryCode country,
        Money credit, Money charge, ExchangeRate? exchangeRate, PaymentMethod? method, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        AccountId = accountId;
        Provider = provider;
        Country = country;
        Credit = credit;
        Charge = charge;
        ExchangeRate = exchangeRate;
        PaymentMethodCode = method?.Code;
        PaymentMethodKind = method?.Kind;
        Status = TopUpStatus.AwaitingPayment;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; }

    public OrderNumber Number { get; }

    public AccountId AccountId { get; }

    public PaymentProvider Provider { get; }

    public CountryCode Country { get; }

    /// <summary>What the balance receives, in the balance currency.</summary>
    public Money Credit { get; }

    /// <summary>What the customer pays, in the currency of the payment method; equal to <see cref="Credit"/> without a rate.</summary>
    public Money Charge { get; }

    /// <summary>Decimals the provider takes in the charge currency (PayerMax: none for IDR); refunds are converted to the same.</summary>
    public int ChargeDecimals { get; private init; }

    /// <summary>The rate locked at creation when <see cref="Charge"/> is in another currency than <see cref="Credit"/>.</summary>
    public ExchangeRate? ExchangeRate { get; }

    /// <summary>The method chosen in the console, if any; otherwise the customer chooses on the provider's page.</summary>
    public string? PaymentMethodCode { get; private init; }

    public PaymentMethodKind? PaymentMethodKind { get; private init; }

    public ProviderReferences References { get; private set; } = ProviderReferences.None;

    /// <summary>The provider's hosted page the customer pays on, while the session is open.</summary>
    public Uri? PaymentPage { get; private set; }

    public TopUpStatus Status { get; private set; }

    /// <summary>Why the order failed, expired or was cancelled.</summary>
    public PaymentError? Failure { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Concurrency token: one more on every change, the timeline notes included.</summary>
    public int Version { get; private set; } = 1;

    public IReadOnlyList<PaymentAttempt> Attempts => attempts;

    public IReadOnlyList<Refund> Refunds => refunds;

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    /// <summary>
    /// Opens an order awaiting payment. With an <paramref name="exchangeRate"/> from the credit currency, the charge is the
    /// converted credit (half to even) and the rate stays locked on the order; without one, the customer pays the credit.
    /// A chosen <paramref name="method"/> must belong to the provider and country and accept the charge currency.
    /// </summary>
    public static Result<TopUpOrder> Create(
        OrderNumber number, AccountId accountId, PaymentProvider provider, CountryCode country, Money credit,
        ExchangeRate? exchangeRate, PaymentMethod? method, DateTimeOffset at) =>
        Create(Guid.CreateVersion7(at), number, accountId, provider, country, credit, exchangeRate, method, at);

    /// <summary>
    /// Opens an order under a given id: the one a provider session was opened for, when a retried request meets the
    /// session an earlier attempt opened.
    /// </summary>
    public static Result<TopUpOrder> Create(
        Guid id, OrderNumber number, AccountId accountId, PaymentProvider provider, CountryCode country, Money credit,
        ExchangeRate? exchangeRate, PaymentMethod? method, DateTimeOffset at, int? chargeDecimals = null)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(credit);

        if (credit.IsZero)
            return new DomainError("invalid_amount", "A top-up amount must be above zero.");

        var charge = exchangeRate is null ? credit : exchangeRate.Convert(credit, chargeDecimals ?? exchangeRate.To.Exponent);
        if (!charge.IsSuccess)
            return charge.Error!;
        if (charge.Value.IsZero)
            return new DomainError("invalid_amount", $"{credit} converts to nothing in {exchangeRate!.To}.");

        if (method is not null && (method.Provider != provider || method.Country != country))
            return new DomainError("payment_method_unavailable", $"{method.DisplayName} is not offered by {provider} in {country}.");
        if (method is not null && !method.Accepts(charge.Value.Currency))
            return new DomainError("currency_not_supported", $"{method.DisplayName} does not accept {charge.Value.Currency}.");

        var order = new TopUpOrder(id, number, accountId, provider, country, credit, charge.Value, exchangeRate, method, at)
        {
            ChargeDecimals = chargeDecimals ?? charge.Value.Currency.Exponent,
        };
        var rate = exchangeRate is null ? string.Empty : $" at {exchangeRate}";
        order.timeline.Add(new TimelineEntry(at, TimelineEntryKind.Created,
            $"Top-up {number} of {credit} created with {provider}; the customer pays {charge.Value}{rate}."));
        return order;
    }

    private Transition Apply(TopUpStatus to, TimelineEntry entry)
    {
        var from = Status;
        Status = to;
        Record(entry);
        return new Transition(TransitionOutcome.Applied, from, to);
    }

    private Transition Ignore(TransitionOutcome outcome, string @event, DateTimeOffset at)
    {
        var (kind, why) = outcome == TransitionOutcome.DuplicateIgnored
            ? (TimelineEntryKind.DuplicateEventIgnored, "already applied")
            : (TimelineEntryKind.StaleEventIgnored, "it would move the order backwards");
        Record(new TimelineEntry(at, kind, $"'{@event}' ignored while {Status}: {why}."));
        return new Transition(outcome, Status, Status);
    }

    private void Record(TimelineEntry entry)
    {
        timeline.Add(entry);
        UpdatedAt = entry.At > UpdatedAt ? entry.At : UpdatedAt;
        Version++;
    }
}
