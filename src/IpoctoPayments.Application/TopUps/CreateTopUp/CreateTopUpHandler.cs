using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.TopUps;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.TopUps.CreateTopUp;

/// <summary>
/// Prices the top-up, checks ipocto's limits and reserves its amount against the account's day, opens the provider's
/// payment session, then records the order — in that order, so no transaction is open while the provider answers and
/// no provider is asked for an amount the limits refuse.
/// </summary>
internal sealed class CreateTopUpHandler(
    ITopUpOrders orders,
    IPaymentGateways gateways,
    IExchangeRates rates,
    PaymentMethodCatalogue catalogue,
    TopUpLimitCheck limits,
    IOptions<TopUpOptions> options,
    IOptions<BalanceOptions> balanceOptions,
    IUnitOfWork unitOfWork,
    PaymentsTelemetry telemetry,
    ILogger<CreateTopUpHandler> logger,
    TimeProvider clock) : ICommandHandler<CreateTopUpCommand, CreateTopUpResult>
{
    public async ValueTask<CreateTopUpResult> Handle(CreateTopUpCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var quote = await QuoteAsync(command, cancellationToken);

        // A caller's key names one order, across its retries and ours: the same id, number and provider key every time.
        var orderId = command.KeyedId("topup") ?? command.RequestId;
        var orderNumber = OrderNumber.For(orderId);
        using var scope = logger.BeginOrderScope(orderNumber);
        await limits.ReserveAsync(command.Account, orderId, command.Amount, now, cancellationToken);
        OpenedSession session;
        try
        {
            session = await ProviderFailures.AskAsync(command.Provider, "the payment", () => gateways.For(command.Provider).OpenSessionAsync(
                new OpenSessionRequest(orderId, orderNumber.Value, command.Account.Value, quote.Charge, command.Country.Value, quote.Method?.Code,
                    command.ReturnUrl, ExpiryFor(now), $"topup-{orderId:N}"),
                cancellationToken));
        }
        catch
        {
            // No order will hold the amount: it stops counting against the account's day.
            await limits.ReleaseAsync(orderId);
            throw;
        }

        // Not cancelled with the request: the provider has opened the session, which must not be left without its order.
        var (order, created) = await unitOfWork.ExecuteAsync(ct => RecordAsync(command, orderId, quote, session, now, ct), CancellationToken.None);
        if (created)
        {
            telemetry.TopUpCreated(order);
            logger.LogInformation("Top-up created with {Provider} ({PaymentMethod}): {Credit}, charged {Charge}",
                ProviderNames.Of(command.Provider), quote.Method?.Code ?? "customer's choice", command.Amount, quote.Charge);
        }

        return new CreateTopUpResult(TopUpView.From(order));
    }

    /// <summary>The charge, the rate locked for it, and the method: the domain's quote, with the rate looked up first where one is needed.</summary>
    private async Task<TopUpQuote> QuoteAsync(CreateTopUpCommand command, CancellationToken cancellationToken)
    {
        var balance = balanceOptions.Value.ToCurrency();
        if (command.Amount.Currency != balance)
        {
            throw AppException.Invalid("currency_not_supported", $"Top-ups are asked in the balance currency, {balance}.", "currency");
        }

        if (command.Amount.IsZero)
        {
            // Refused before any method limit or provider session: zero is bad input, not an amount out of a method's range.
            throw AppException.Invalid("invalid_amount", "A top-up amount must be above zero.", "amount");
        }

        // ipocto's own limits before any method's: the same answer whichever method the customer picked.
        limits.CheckPerTopUp(command.Amount);

        ExchangeRate? rate = null;
        if (catalogue.ChargeCurrency(command.Provider, command.Country, command.PaymentMethod, balance) is { } local)
        {
            rate = await rates.FindAsync(balance, local, cancellationToken)
                ?? throw AppException.Unprocessable("currency_not_supported", $"Top-ups in {balance} cannot be paid in {local} at the moment.", "country");
        }

        var decimals = rate is null ? balance.Exponent : gateways.For(command.Provider).ChargeDecimals(rate.To);
        var quote = catalogue.Quote(command.Provider, command.Country, command.PaymentMethod, command.Amount, rate, decimals, limits.Limits.PerTopUp);
        var field = quote.Error?.Code == "invalid_amount" ? "amount" : command.PaymentMethod is null ? "country" : "paymentMethod";
        return quote.OrThrow(ErrorKind.Unprocessable, field);
    }

    /// <summary>
    /// Only the writes run in a transaction, after the provider answered; a write conflict runs them again on fresh data.
    /// The order, and whether this request created it.
    /// </summary>
    private async Task<(TopUpOrder Order, bool Created)> RecordAsync(
        CreateTopUpCommand command, Guid orderId, TopUpQuote quote, OpenedSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Already recorded by a request with the same key whose answer was lost with its instance: the order stands.
        if (await orders.FindAsync(orderId, cancellationToken) is { } recorded)
        {
            return (recorded, false);
        }

        var order = TopUpOrder.Create(orderId, OrderNumber.For(orderId), command.Account, command.Provider, command.Country, command.Amount, quote.Rate,
            quote.Method, now, quote.ChargeDecimals).OrThrow(ErrorKind.Unprocessable, "amount");
        order.OpenSession(new ProviderReferences(session.SessionId, session.TradeToken), now, session.RedirectUrl).OrThrow(ErrorKind.Unprocessable, "provider");
        orders.Add(order);
        return (order, true);
    }

    /// <summary>
    /// The payment window from the start of the current ten minutes: a retry soon after a lost answer sends the provider
    /// the same parameters as the first attempt, which its idempotency requires.
    /// </summary>
    private DateTimeOffset ExpiryFor(DateTimeOffset now)
    {
        var bucket = TimeSpan.FromMinutes(10).Ticks;
        return new DateTimeOffset(now.UtcTicks / bucket * bucket, TimeSpan.Zero) + options.Value.PaymentWindow;
    }
}
