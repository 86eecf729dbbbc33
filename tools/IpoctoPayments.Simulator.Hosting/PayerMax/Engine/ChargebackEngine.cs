using System.Globalization;
using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>
/// Chargeback cases on paid orders. PayerMax has no API for the merchant to answer one (evidence goes through its
/// portal), so a case is decided only by the control API: at once, or on the simulator's clock.
/// </summary>
internal sealed class ChargebackEngine(PayerMaxStore store, PayerMaxNotifier notifier, SimulatorScheduler scheduler, SimulatorIds ids)
{
    /// <summary>How long the merchant has to send evidence, counted from the day the case opens.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    /// <summary>Opens a case (<c>DISPUTE_INQUIRY</c>) and notifies; the reason it was refused otherwise.</summary>
    public (PayerMaxChargeback? Chargeback, string? Refusal) Open(PayerMaxOrder order, long amountMinor, string reason)
    {
        var now = scheduler.Now;
        var caseId = ids.NextDigits("O" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), 12);
        var chargeback = new PayerMaxChargeback(caseId, order, amountMinor, reason, now, DateOnly.FromDateTime((now + ResponseWindow).UtcDateTime));
        if (store.TryAddChargeback(chargeback) is { } refusal)
        {
            return (null, refusal);
        }

        notifier.ChargebackChanged(chargeback, ChargebackStatus.Inquiry);
        return (chargeback, null);
    }

    /// <summary>Decides the case after <paramref name="after"/> unless something closed it first.</summary>
    public void DecideLater(PayerMaxChargeback chargeback, DisputeOutcome outcome, TimeSpan after) =>
        scheduler.ScheduleAfter(after, $"decide PayerMax chargeback {chargeback.CaseId}", _ =>
        {
            Decide(chargeback, outcome);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Won or lost: <c>DISPUTE_END</c> then <c>CASE_CLOSED</c>, both with the result. Cancelled: <c>CASE_CANCEL</c>.
    /// False when the case was closed already.
    /// </summary>
    public bool Decide(PayerMaxChargeback chargeback, DisputeOutcome outcome)
    {
        if (outcome == DisputeOutcome.Cancelled)
        {
            if (!chargeback.TryCancel())
            {
                return false;
            }

            notifier.ChargebackChanged(chargeback, ChargebackStatus.Cancelled);
            return true;
        }

        if (!chargeback.TryDecide(merchantWon: outcome == DisputeOutcome.Won))
        {
            return false;
        }

        notifier.ChargebackChanged(chargeback, ChargebackStatus.Ended);
        notifier.ChargebackChanged(chargeback, ChargebackStatus.Closed);
        return true;
    }
}
