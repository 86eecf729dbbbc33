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

internal sealed class CreateTopUpHandler(
    ITopUpOrders orders,
    IIdempotencyRecords idempotency,
    IPaymentGateways gateways,
    IExchangeRates rates,
    PaymentMethodCatalogue catalogue,
    IOptions<TopUpOptions> options,
    IUnitOfWork unitOfWork,
    PaymentsTelemetry telemetry,
    ILogger<CreateTopUpHandler> logger,
    TimeProvider clock) : ICommandHandler<CreateTopUpCommand, CreateTopUpResult>
{
    private const string Operation = "create_topup";

    public async ValueTask<CreateTopUpResult> Handle(CreateTopUpCommand command, CancellationToken cancellationToken)
    {
        var account = Invalid(AccountId.Parse(command.AccountId), "accountId");
        var hash = RequestHash.Of(command.Amount, command.Currency, command.Provider, command.Country, command.PaymentMethod, command.ReturnUrl);
        if (command.IdempotencyKey is { } key && await idempotency.FindAsync(account.Value, key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, hash, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var balanceCurrency = Currency.FromCode(options.Value.BalanceCurrency).Value;
        if (command.Currency is not null && !string.Equals(command.Currency, balanceCurrency.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Invalid("currency_not_supported", $"Top-ups are asked in the balance currency, {balanceCurrency}.", "currency");
        }

        var credit = Invalid(Money.Parse(command.Amount, balanceCurrency), "amount");
        if (credit.IsZero)
        {
            // Refused before any method limit or provider session: zero is bad input, not an amount out of a method's range.
            throw AppException.Invalid("invalid_amount", "A top-up amount must be above zero.", "amount");
        }

        var provider = ProviderNames.Parse(command.Provider)!.Value;
        var country = Invalid(CountryCode.Parse(command.Country), "country");
        var rate = await RateAsync(provider, country, command.PaymentMethod, balanceCurrency, cancellationToken);
        var chargeDecimals = rate is null ? (int?)null : gateways.For(provider).ChargeDecimals(rate.To);
        var charge = rate is null ? credit : Valid(rate.Convert(credit, chargeDecimals!.Value), "amount");
        var method = ChooseMethod(provider, country, command.PaymentMethod, charge);

        // A caller's key names one order, across its retries and ours: the same id, number and provider key every time.
        var orderId = command.IdempotencyKey is { } callerKey ? RequestHash.Id(Operation, account.Value, callerKey) : command.RequestId;
        var orderNumber = OrderNumber.For(orderId);
        using var scope = logger.BeginOrderScope(orderNumber);
        var session = await OpenSessionAsync(provider, new OpenSessionRequest(
            orderId,
            orderNumber.Value,
            account.Value,
            charge,
            country.Value,
            method?.Code,
            new Uri(command.ReturnUrl!),
            ExpiryFor(now),
            $"topup-{orderId:N}"), cancellationToken);

        // Only the writes run in a transaction, after the provider answered; a conflict runs them again on fresh data.
        // They are not cancelled with the request: the provider has opened the session, which must not be left without its order.
        TopUpOrder? created = null;
        var result = await unitOfWork.ExecuteAsync(async ct =>
        {
            created = null;
            telemetry.Discard();
            // Another request with the same key may have finished while the provider answered: its order is the answer.
            if (command.IdempotencyKey is { } sameKey && await idempotency.FindAsync(account.Value, sameKey, ct) is { } meanwhile)
            {
                return await ReplayAsync(meanwhile, hash, ct);
            }

            var order = Valid(
                TopUpOrder.Create(session.OrderId, Valid(OrderNumber.Parse(session.OrderNumber), "orderNumber"), account, provider, country, credit, rate, method, now, chargeDecimals),
                "amount");
            Valid(order.OpenSession(new ProviderReferences(session.SessionId, session.TradeToken), now, session.RedirectUrl), "provider");
            orders.Add(order);
            if (command.IdempotencyKey is not null)
            {
                idempotency.Add(new IdempotencyRecord(account.Value, command.IdempotencyKey, Operation, hash, order.Id, now));
            }

            created = order;
            telemetry.TopUpCreated(order);
            return new CreateTopUpResult(TopUpView.From(order), Replayed: false);
        }, CancellationToken.None);

        // This command commits its own writes, so it publishes its metrics itself (see UnitOfWorkBehavior).
        telemetry.Publish();
        if (created is not null)
        {
            logger.LogInformation("Top-up created with {Provider} ({PaymentMethod}): {Credit}, charged {Charge}",
                ProviderNames.Of(provider), created.PaymentMethodCode ?? "customer's choice", created.Credit, created.Charge);
        }

        return result;
    }

    private async Task<CreateTopUpResult> ReplayAsync(IdempotencyRecord earlier, string hash, CancellationToken cancellationToken)
    {
        if (earlier.Operation != Operation || earlier.RequestHash != hash)
        {
            throw AppException.Unprocessable(
                "idempotency_key_reused",
                "This Idempotency-Key was used with a different request; send a new key for a new top-up.");
        }

        var order = await orders.FindAsync(earlier.ResourceId, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency record points at missing order {earlier.ResourceId}.");
        return new CreateTopUpResult(TopUpView.From(order), Replayed: true);
    }

    /// <summary>The rate to lock when the methods here do not take the balance currency (a PHP wallet, say).</summary>
    private async Task<ExchangeRate?> RateAsync(PaymentProvider provider, CountryCode country, string? methodCode, Currency balance, CancellationToken cancellationToken)
    {
        var candidates = catalogue.Methods
            .Where(m => m.Provider == provider && m.Country == country && (methodCode is null || m.Code == methodCode))
            .ToList();
        if (candidates.Count == 0 || candidates.Exists(m => m.Accepts(balance)))
        {
            // Nothing here at all is reported with its reason once the charge is known.
            return null;
        }

        var local = candidates[0].Currencies[0];
        return await rates.FindAsync(balance, local, cancellationToken)
            ?? throw AppException.Unprocessable("currency_not_supported", $"Top-ups in {balance} cannot be paid in {local} at the moment.", "country");
    }

    private PaymentMethod? ChooseMethod(PaymentProvider provider, CountryCode country, string? methodCode, Money charge)
    {
        if (methodCode is not null)
        {
            return Valid(catalogue.Find(provider, country, methodCode, charge), "paymentMethod");
        }

        var availability = Valid(catalogue.Available(country, charge.Currency, charge, provider), "country");
        if (availability.Offered.Count == 0)
        {
            var reason = availability.Unavailable.Count > 0 ? availability.Unavailable[0].Message : $"No payment method is offered in {country}.";
            throw AppException.Unprocessable("payment_method_unavailable", reason, "country");
        }

        return null;
    }

    private Task<OpenedSession> OpenSessionAsync(PaymentProvider provider, OpenSessionRequest request, CancellationToken cancellationToken) =>
        ProviderFailures.AskAsync(provider, "the payment", () => gateways.For(provider).OpenSessionAsync(request, cancellationToken));

    /// <summary>
    /// The payment window from the start of the current ten minutes: a retry soon after a lost answer sends the provider
    /// the same parameters as the first attempt, which its idempotency requires.
    /// </summary>
    private DateTimeOffset ExpiryFor(DateTimeOffset now)
    {
        var bucket = TimeSpan.FromMinutes(10).Ticks;
        return new DateTimeOffset(now.UtcTicks / bucket * bucket, TimeSpan.Zero) + options.Value.PaymentWindow;
    }

    /// <summary>Input that is malformed in itself (400).</summary>
    private static T Invalid<T>(Result<T> result, string field) => result.OrThrow(ErrorKind.Invalid, field);

    /// <summary>Well-formed input this payment cannot be made with (422).</summary>
    private static T Valid<T>(Result<T> result, string field) => result.OrThrow(ErrorKind.Unprocessable, field);
}
