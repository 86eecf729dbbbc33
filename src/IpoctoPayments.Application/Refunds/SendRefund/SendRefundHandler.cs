using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Refunds;
using Mediator;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Refunds.SendRefund;

internal sealed class SendRefundHandler(
    ITopUpOrders orders,
    IPaymentGateways gateways,
    IRefundOutbox outbox,
    IMediator mediator,
    ILogger<SendRefundHandler> logger,
    TimeProvider clock) : ICommandHandler<SendRefundCommand>
{
    public async ValueTask<Unit> Handle(SendRefundCommand command, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(command.TopUpId, cancellationToken);
        var refund = order?.Refunds.FirstOrDefault(r => r.Id == command.RefundId);
        if (order is null || refund is not { Status: RefundStatus.Pending })
        {
            // Settled meanwhile (a webhook or reconciliation got there first): nothing left to send.
            await outbox.RemoveAsync(command.RefundId, cancellationToken);
            return Unit.Value;
        }

        using var scope = logger.BeginOrderScope(order.Number);
        SubmittedRefund answer;
        try
        {
            // The refund's own id names it at the provider (Stripe's Idempotency-Key, PayerMax's outRefundNo), so a send
            // repeated after a crash or an expired lease is the same refund, not a second one. A provider that cannot be
            // reached leaves it to the dispatcher to send again later.
            answer = await gateways.For(order.Provider).RefundAsync(new RefundSubmission(
                order.Id,
                refund.Id,
                order.Number.Value,
                order.References.SessionId,
                order.References.PaymentIntentId,
                refund.Charge,
                $"refund-{refund.Id:N}"), cancellationToken);
        }
        catch (ProviderRejectedException rejected)
        {
            logger.LogWarning("{Provider} refused refund {RefundId} ({ProviderCode}): {Reason}",
                ProviderNames.Of(order.Provider), refund.Id, rejected.ProviderCode, rejected.Message);
            answer = new SubmittedRefund(string.Empty, SubmittedRefundStatus.Failed, rejected.ProviderCode);
        }

        // A provider that settled the refund at once reports it as a webhook would; a pending one settles later by webhook or reconciliation.
        if (ProviderEvent.RefundReported(order.Provider, order.Id, refund.Id, answer.Status, "refund-answer", "refund.answer", clock.GetUtcNow()) is { } answered)
        {
            await mediator.Send(new ApplyProviderEventCommand(answered), cancellationToken);
        }

        // After the answer is applied: a crash in between sends the refund again, and its answer meets the inbox.
        await outbox.RemoveAsync(refund.Id, cancellationToken);
        return Unit.Value;
    }
}
