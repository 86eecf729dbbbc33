using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>
/// Moves orders to their outcome and tells the merchant, for the cashier and the control API alike: payment,
/// decline, close on expiry, and the "bank sync delay" (reported failed, captured later).
/// </summary>
internal sealed class PaymentEngine(PayerMaxNotifier notifier, SimulatorScheduler scheduler, FaultPlan faults)
{
    public const string ExpiredMsg = "The order expired before it was paid.";

    public void ScheduleExpiry(PayerMaxOrder order) =>
        scheduler.Schedule(order.ExpiresAt, $"expire PayerMax order {order.OutTradeNo}", _ =>
        {
            Close(order, ExpiredMsg);
            return Task.CompletedTask;
        });

    /// <summary>
    /// The customer paid with <paramref name="payment"/>; <paramref name="failureCode"/> is set when the method
    /// declined. A sandbox subject (SUCCESS / FAILED / PENDING) overrides both. False when the order was not pending.
    /// </summary>
    public bool Pay(PayerMaxOrder order, PaymentDetail payment, string? failureCode = null)
    {
        if (order.Status != PaymentStatus.Pending)
        {
            return false;
        }

        var forced = SandboxSubject.ResultOf(order.Request.Subject);
        if (forced == ForcedResult.Pending)
        {
            return true;
        }

        if (forced == ForcedResult.Failed)
        {
            return Fail(order, GatewayCodes.PaymentFailed);
        }

        return forced == ForcedResult.Success || failureCode is null ? Succeed(order, payment) : Fail(order, failureCode);
    }

    public bool Succeed(PayerMaxOrder order, PaymentDetail payment)
    {
        var now = scheduler.Now;
        if (faults.BankSyncDelayFor(order.OutTradeNo, order.TradeToken) is not { } delay)
        {
            return Notify(order, order.TrySucceed(payment, now));
        }

        if (!Notify(order, order.TryFail(GatewayCodes.PaymentFailed, "Payment failed: the bank did not confirm in time.", now, capturedLater: payment)))
        {
            return false;
        }

        scheduler.ScheduleAfter(delay, $"late capture of PayerMax order {order.OutTradeNo}", _ =>
        {
            Notify(order, order.TryCaptureLate(scheduler.Now));
            return Task.CompletedTask;
        });
        return true;
    }

    public bool Fail(PayerMaxOrder order, string code) =>
        Notify(order, order.TryFail(code, PaymentFailures.MessageOf(code), scheduler.Now));

    public bool Close(PayerMaxOrder order, string msg) =>
        Notify(order, order.TryClose(GatewayCodes.OrderClosed, msg, scheduler.Now));

    private bool Notify(PayerMaxOrder order, bool changed)
    {
        if (changed)
        {
            notifier.PaymentChanged(order);
        }

        return changed;
    }
}
