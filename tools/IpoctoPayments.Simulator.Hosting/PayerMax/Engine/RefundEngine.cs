using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>
/// Settles refunds on the clock as PayerMax's sandbox does: amounts 10000 or 102 fail about a minute later,
/// 20000 or 202 stay pending, anything else succeeds shortly after.
/// </summary>
internal sealed class RefundEngine(PayerMaxNotifier notifier, SimulatorScheduler scheduler)
{
    public static readonly TimeSpan FailsAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SucceedsAfter = TimeSpan.FromSeconds(10);

    public void Schedule(PayerMaxRefund refund)
    {
        if (IsAmount(refund, 10000, 102))
        {
            Later(refund, FailsAfter, succeeded: false);
        }
        else if (!IsAmount(refund, 20000, 202))
        {
            Later(refund, SucceedsAfter, succeeded: true);
        }
    }

    /// <summary>Settles a pending refund and notifies; false when it was settled already.</summary>
    public bool Settle(PayerMaxRefund refund, bool succeeded)
    {
        var changed = refund.TrySettle(succeeded, succeeded ? "Success" : "The refund was rejected by the channel.", scheduler.Now);
        if (changed)
        {
            notifier.RefundSettled(refund);
        }

        return changed;
    }

    private void Later(PayerMaxRefund refund, TimeSpan after, bool succeeded) =>
        scheduler.ScheduleAfter(after, $"settle PayerMax refund {refund.OutRefundNo}", _ =>
        {
            Settle(refund, succeeded);
            return Task.CompletedTask;
        });

    private static bool IsAmount(PayerMaxRefund refund, params ReadOnlySpan<long> majors)
    {
        foreach (var major in majors)
        {
            if (PayerMaxMoney.IsMajor(refund.AmountMinor, refund.Currency, major))
            {
                return true;
            }
        }

        return false;
    }
}
