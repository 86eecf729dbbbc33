using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.TopUps;
using Mediator;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Reconciliation.ReconcileTopUp;

/// <summary>
/// The provider is asked with no transaction open; what it reports becomes an event with an id of its own (order or
/// refund + state), applied in a short transaction through the same processor as webhooks: a second run, or a second
/// instance running at once, meets it in the inbox and does nothing.
/// </summary>
internal sealed class ReconcileTopUpHandler(
    ITopUpOrders orders,
    IPaymentGateways gateways,
    IMediator mediator,
    PaymentsTelemetry telemetry,
    ILogger<ReconcileTopUpHandler> logger,
    TimeProvider clock) : ICommandHandler<ReconcileTopUpCommand, ReconciledTopUp>
{
    public async ValueTask<ReconciledTopUp> Handle(ReconcileTopUpCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(command.TopUpId, cancellationToken) ?? throw TopUpErrors.NotFound(command.TopUpId);
        using var scope = logger.BeginOrderScope(order.Number);
        var before = StatusNames.Of(order.Status);
        var gateway = gateways.For(order.Provider);
        var actions = new List<string>();
        if (order.Status is TopUpStatus.AwaitingPayment or TopUpStatus.Failed or TopUpStatus.Expired or TopUpStatus.Cancelled)
        {
            var payment = await ProviderFailures.AskAsync(order.Provider, "the look-up", () =>
                gateway.LookUpPaymentAsync(new PaymentLookup(order.Id, order.References.SessionId, order.References.PaymentIntentId), cancellationToken));
            if (PaymentEvent(order, payment) is { } paymentEvent)
            {
                await ApplyAsync(order, "payment", paymentEvent, $"provider reports the payment {StatusNames.Of(payment.Status)}", actions, cancellationToken);
            }
        }

        foreach (var refund in order.Refunds.Where(r => r.Status == RefundStatus.Pending).ToList())
        {
            var state = await ProviderFailures.AskAsync(order.Provider, "the look-up", () =>
                gateway.LookUpRefundAsync(new RefundLookup(order.Id, refund.Id, order.References.SessionId, order.References.PaymentIntentId), cancellationToken));
            if (ProviderEvent.RefundReported(order.Provider, order.Id, refund.Id, state, "reconcile", "reconciliation.refund", clock.GetUtcNow()) is { } refundEvent)
            {
                await ApplyAsync(order, "refund", refundEvent, $"provider reports refund {refund.Id} {StatusNames.Of(state!.Value)}", actions, cancellationToken);
            }
        }

        foreach (var dispute in order.Disputes.Where(d => d.IsOpen).ToList())
        {
            var report = await ProviderFailures.AskAsync(order.Provider, "the look-up", () => gateway.LookUpDisputeAsync(dispute.ProviderDisputeId, cancellationToken));
            if (report is not null)
            {
                var disputeEvent = ProviderEvent.DisputeReported(order.Provider, report, order.Id, null, clock.GetUtcNow());
                await ApplyAsync(order, "dispute", disputeEvent, $"provider reports dispute {dispute.ProviderDisputeId} {StatusNames.Of(report.Status)}", actions, cancellationToken);
            }
        }

        // Read again: a change applied after a write conflict was made on a fresh copy of the order.
        var after = await orders.FindAsync(order.Id, cancellationToken) ?? order;
        return new ReconciledTopUp(order.Id, order.Number.Value, before, StatusNames.Of(after.Status), actions);
    }

    /// <summary>Applies what the provider reported; only what this run changed is reported as its action.</summary>
    private async Task ApplyAsync(TopUpOrder order, string subject, ProviderEvent providerEvent, string what, List<string> actions, CancellationToken cancellationToken)
    {
        var outcome = await mediator.Send(new ApplyProviderEventCommand(providerEvent), cancellationToken);
        // Counted now: the change it reports has committed (or was found already made).
        telemetry.ReconciliationAction(order.Provider, subject, StatusNames.Of(outcome));
        telemetry.Publish();
        var action = Describe(outcome, what);
        logger.LogInformation("Reconciliation: {Action}", action);
        if (outcome == EventOutcome.Applied)
        {
            // Another run (or instance) may have applied the same report a moment earlier: that is not this run's change.
            actions.Add(action);
        }
    }

    private ProviderEvent? PaymentEvent(TopUpOrder order, PaymentLookupResult payment)
    {
        var kind = payment.Status switch
        {
            ProviderPaymentStatus.Paid => ProviderEventKind.Paid,
            ProviderPaymentStatus.Failed when order.Status == TopUpStatus.AwaitingPayment => ProviderEventKind.Failed,
            ProviderPaymentStatus.Expired when order.Status == TopUpStatus.AwaitingPayment => ProviderEventKind.Expired,
            _ => (ProviderEventKind?)null,
        };
        return kind is null ? null : new ProviderEvent(
            order.Provider, $"reconcile:{order.Id:N}:{StatusNames.Of(payment.Status)}", $"reconciliation.payment_{StatusNames.Of(payment.Status)}", kind.Value, clock.GetUtcNow())
        {
            OrderId = order.Id,
            PaymentIntentId = payment.PaymentIntentId,
            ProviderCode = payment.ProviderCode,
        };
    }

    private static string Describe(EventOutcome outcome, string what) => outcome switch
    {
        EventOutcome.Applied => $"{what}: applied",
        EventOutcome.Duplicate => $"{what}: already applied",
        _ => $"{what}: nothing to change",
    };
}
