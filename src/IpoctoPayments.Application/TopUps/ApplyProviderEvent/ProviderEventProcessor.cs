using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.TopUps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

/// <summary>
/// Applies a verified provider event to its order, whichever provider sent it, inside the command's transaction:
/// inbox first (a redelivery changes nothing), then the order's transition, then the ledger. It never calls a provider:
/// a refund it decides on goes to the refund outbox, sent after the commit.
/// </summary>
internal sealed class ProviderEventProcessor(
    IEventInbox inbox,
    ITopUpOrders orders,
    ILedger ledger,
    IRefundOutbox refundOutbox,
    PaymentMethodCatalogue catalogue,
    IOptions<TopUpOptions> options,
    IOptions<DisputeOptions> disputeOptions,
    PaymentsTelemetry telemetry,
    ILogger<ProviderEventProcessor> logger,
    TimeProvider clock)
{
    public async Task<EventOutcome> ApplyAsync(ProviderEvent providerEvent, CancellationToken cancellationToken)
    {
        var (order, received) = await FindAsync(providerEvent, cancellationToken);
        if (received)
        {
            return EventOutcome.Duplicate;
        }

        var now = clock.GetUtcNow();
        var outcome = order is null || order.Provider != providerEvent.Provider
            ? providerEvent.Kind == ProviderEventKind.NotRelevant ? EventOutcome.Ignored : EventOutcome.UnknownOrder
            : await ApplyToOrderAsync(order, providerEvent, now, cancellationToken);
        if (outcome == EventOutcome.UnknownOrder && WaitsForPayment(providerEvent, now))
        {
            outcome = EventOutcome.Deferred;
        }

        if (outcome == EventOutcome.Deferred)
        {
            logger.LogInformation("{Provider} event {EventType} ({EventId}) disputes a payment not known here as paid yet; it is to be delivered again",
                ProviderNames.Of(providerEvent.Provider), providerEvent.EventType, providerEvent.EventId);
            return outcome;
        }

        if (outcome == EventOutcome.UnknownOrder)
        {
            logger.LogInformation("{Provider} event {EventType} ({EventId}) names no order of this service", ProviderNames.Of(providerEvent.Provider), providerEvent.EventType, providerEvent.EventId);
        }

        inbox.Add(new InboxEntry(providerEvent.Provider, providerEvent.EventId, providerEvent.EventType, order?.Id, outcome.ToString(), now));
        return outcome;
    }

    /// <summary>The order the event names — by our id, or for a dispute by the provider's payment — and whether the event was received before.</summary>
    private async Task<(TopUpOrder? Order, bool Received)> FindAsync(ProviderEvent e, CancellationToken cancellationToken)
    {
        if (e.OrderId is { } id)
        {
            return await orders.FindForEventAsync(id, e.Provider, e.EventId, cancellationToken);
        }

        if (await inbox.ContainsAsync(e.Provider, e.EventId, cancellationToken))
        {
            return (null, true);
        }

        return e is { Kind: ProviderEventKind.Dispute, PaymentIntentId: { } payment }
            ? (await orders.FindByPaymentAsync(e.Provider, payment, cancellationToken), false)
            : (null, false);
    }

    /// <summary>A dispute whose payment is not known here as paid is delivered again, for a while: its payment's event may be late.</summary>
    private bool WaitsForPayment(ProviderEvent e, DateTimeOffset now) =>
        e.Kind == ProviderEventKind.Dispute && now - e.OccurredAt < disputeOptions.Value.WaitForPayment;

    private async Task<EventOutcome> ApplyToOrderAsync(TopUpOrder order, ProviderEvent e, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginOrderScope(order.Number);
        var before = order.Status;
        var outcome = await TransitionAsync(order, e, at, cancellationToken);
        orders.Update(order);
        logger.LogInformation("{Provider} event {EventType} ({EventId}) {Outcome}: order {Before} → {After}",
            ProviderNames.Of(e.Provider), e.EventType, e.EventId, StatusNames.Of(outcome), StatusNames.Of(before), StatusNames.Of(order.Status));
        if (order.Status != before)
        {
            RecordOutcome(order);
        }

        return outcome;
    }

    private void RecordOutcome(TopUpOrder order)
    {
        switch (order.Status)
        {
            case TopUpStatus.Succeeded:
                telemetry.TopUpSucceeded(order);
                break;
            case TopUpStatus.Failed or TopUpStatus.Expired or TopUpStatus.Cancelled:
                telemetry.TopUpFailed(order, (order.Failure ?? PaymentErrors.UnknownError).Code);
                break;
        }
    }

    private async Task<EventOutcome> TransitionAsync(TopUpOrder order, ProviderEvent e, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (e.Kind)
        {
            case ProviderEventKind.Paid:
                return await PaidAsync(order, e, at, cancellationToken);
            case ProviderEventKind.AttemptDeclined:
                return Outcome(order.RecordDeclinedAttempt(ErrorOf(order, e), e.ProviderCode, e.AttemptReference, at));
            case ProviderEventKind.Failed:
                return Outcome(order.MarkFailed(ErrorOf(order, e), at));
            case ProviderEventKind.Expired:
                return Outcome(order.MarkExpired(at));
            case ProviderEventKind.RefundSucceeded when e.RefundId is { } refundId:
                return Outcome(order.ConfirmRefund(refundId, at));
            case ProviderEventKind.RefundFailed when e.RefundId is { } refundId:
                return await FailRefundAsync(order, refundId, at, cancellationToken) ? EventOutcome.Applied : EventOutcome.Ignored;
            case ProviderEventKind.Dispute when e.Dispute is { } report:
                return await DisputeAsync(order, e, report, at, cancellationToken);
            default:
                return EventOutcome.Ignored;
        }
    }

    private async Task<EventOutcome> PaidAsync(TopUpOrder order, ProviderEvent e, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var paid = order.MarkPaid(at, e.PaymentIntentId);
        if (!paid.IsApplied)
        {
            return EventOutcome.Ignored;
        }

        if (paid.To == TopUpStatus.Succeeded)
        {
            await PostAsync(Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at), cancellationToken);
            return EventOutcome.Applied;
        }

        // Paid after the order closed: the money waits in suspense until it goes back or is credited.
        await PostAsync(Postings.LateCaptureHold(order.Id, order.Provider, order.Charge, at), cancellationToken);
        // A method the provider cannot refund (cash at a counter, say) leaves crediting as the only way to give the money back.
        if (options.Value.LateCapturePolicy == LateCapturePolicy.Credit || !catalogue.CanRefund(order.Provider, order.Country, order.PaymentMethodCode))
        {
            order.CreditLateCapture(at).OrThrow(ErrorKind.Conflict);
            await PostAsync(Postings.LateCaptureCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at), cancellationToken);
            return EventOutcome.Applied;
        }

        // Named by the order and how many late-capture refunds it had: a unit of work run again asks for the same one.
        var refundId = RequestHash.Id("late-capture-refund", order.Id.ToString("N"), order.Refunds.Count(r => r.ForLateCapture).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refund = order.RequestLateCaptureRefund(refundId, at).OrThrow(ErrorKind.Conflict);
        await PostAsync(Postings.LateCaptureRefund(order.Id, refund.Id, order.Provider, refund.Charge, at), cancellationToken);
        refundOutbox.Add(order.Id, refund.Id, at);
        return EventOutcome.Applied;
    }

    /// <summary>
    /// Applies a dispute report: the order keeps the dispute's state, the ledger takes its credit out of the balance once
    /// the chargeback is known, and gives it back once the dispute is won.
    /// </summary>
    private async Task<EventOutcome> DisputeAsync(TopUpOrder order, ProviderEvent e, DisputeReport report, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var disputeId = RequestHash.Id("dispute", ProviderNames.Of(order.Provider), report.ProviderDisputeId);
        var opened = order.Disputes.All(d => d.Id != disputeId);
        var recorded = order.RecordDispute(disputeId, report, at);
        if (!recorded.IsSuccess)
        {
            logger.LogWarning("{Provider} dispute {DisputeId} of order {Order} not applied: {Reason}",
                ProviderNames.Of(order.Provider), report.ProviderDisputeId, order.Number, recorded.Error!.Message);
            return recorded.Error.Code == "dispute_before_payment" && WaitsForPayment(e, at) ? EventOutcome.Deferred : EventOutcome.Ignored;
        }

        var (dispute, applied, withdraw, reinstate) = recorded.Value;
        var withdrawal = Postings.DisputeWithdrawal(order.Id, dispute.Id, order.AccountId, order.Provider, dispute.Credit, dispute.Charge, at);
        if (withdraw)
        {
            await PostAsync(withdrawal, cancellationToken);
        }

        if (reinstate)
        {
            var posted = await ledger.FindAsync(withdrawal.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Dispute {dispute.ProviderDisputeId} is reinstated but its withdrawal {withdrawal.Key} is not in the ledger.");
            await PostAsync(Postings.Reversal(posted, at).Value, cancellationToken);
        }

        if (opened)
        {
            telemetry.DisputeOpened(order, dispute);
        }

        if (applied && !dispute.IsOpen)
        {
            telemetry.DisputeClosed(order, dispute);
        }

        return applied ? EventOutcome.Applied : EventOutcome.Ignored;
    }

    /// <summary>
    /// The provider could not refund: the refund is failed and what was taken from the balance (or suspense) goes back.
    /// False when there was nothing to change (an unknown or already settled refund).
    /// </summary>
    private async Task<bool> FailRefundAsync(TopUpOrder order, Guid refundId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var failed = order.FailRefund(refundId, PaymentErrors.RefundFailed, at);
        if (!failed.IsSuccess || !failed.Value.IsApplied)
        {
            return false;
        }

        var refund = order.Refunds.First(r => r.Id == refundId);
        var kind = refund.ForLateCapture ? PostingKind.LateCaptureRefund : PostingKind.RefundDebit;
        if (await ledger.FindAsync(new PostingKey(order.Id, kind, refundId), cancellationToken) is { } posting)
        {
            await PostAsync(Postings.Reversal(posting, at).Value, cancellationToken);
        }

        return true;
    }

    private async Task PostAsync(Posting posting, CancellationToken cancellationToken)
    {
        var result = await ledger.PostAsync(posting, cancellationToken);
        if (result is PostResult.Conflict or PostResult.InsufficientBalance)
        {
            // The order's own transition allowed this posting; a refusal means the books disagree with the order.
            throw new InvalidOperationException($"Ledger refused posting {posting.Key}: {result}.");
        }
    }

    private static PaymentError ErrorOf(TopUpOrder order, ProviderEvent e) => e.Provider switch
    {
        PaymentProvider.Stripe => StripeErrorCodes.Map(e.ProviderCode, e.DeclineCode),
        _ => PayerMaxErrorCodes.Map(e.ProviderCode, order.PaymentMethodKind),
    };

    private static EventOutcome Outcome(Transition transition) => transition.IsApplied ? EventOutcome.Applied : EventOutcome.Ignored;

    // A refund this order does not know (another system's) is acknowledged and left alone.
    private static EventOutcome Outcome(Result<Transition> transition) => transition.IsSuccess ? Outcome(transition.Value) : EventOutcome.Ignored;
}
