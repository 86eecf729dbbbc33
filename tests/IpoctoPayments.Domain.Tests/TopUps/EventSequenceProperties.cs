using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;
using static IpoctoPayments.Domain.TopUps.TopUpStatus;

namespace IpoctoPayments.Domain.Tests.TopUps;

/// <summary>
/// Whatever a provider sends, in whatever order and however often, one order keeps its promises: credited at most once,
/// never moved backwards, never refunded beyond what was paid, and its books always balance.
/// </summary>
public sealed class EventSequenceProperties
{
    public enum Step
    {
        Paid,
        Declined,
        Failed,
        Expired,
        Cancelled,
        CreditLateCapture,
        RefundSome,
        RefundAll,
        RefundLateCapture,
        ConfirmFirstPendingRefund,
        FailFirstPendingRefund,
    }

    // Every move the state table allows; anything else would be going backwards.
    private static readonly HashSet<(TopUpStatus, TopUpStatus)> Allowed =
    [
        (AwaitingPayment, Succeeded), (AwaitingPayment, Failed), (AwaitingPayment, Expired), (AwaitingPayment, Cancelled),
        (Failed, LateCapture), (Expired, LateCapture), (Cancelled, LateCapture), (LateCapture, Succeeded),
        (Succeeded, PartiallyRefunded), (Succeeded, Refunded), (PartiallyRefunded, Refunded),
        (LateCapture, Refunded), (LateCapture, PartiallyRefunded),
    ];

    [Property(MaxTest = 500, Arbitrary = [typeof(Steps)])]
    public void A_top_up_keeps_its_promises_whatever_the_provider_sends(Step[] steps)
    {
        var order = New("20.00");
        var journal = new Journal();
        var at = T0;
        foreach (var step in steps)
        {
            at = at.AddMinutes(1);
            var before = order.Status;
            Apply(order, journal, step, at);

            Assert.True(before == order.Status || Allowed.Contains((before, order.Status)), $"{step} moved {before} to {order.Status}");
            Assert.True(journal.Postings.Count(p => p.Key.Kind == PostingKind.TopUpCredit) <= 1, "credited twice");
            Assert.InRange(order.RefundableCredit.MinorUnits, 0, order.Credit.MinorUnits);
            Assert.True(RefundedOrPending(order) <= order.Charge.MinorUnits, "refunded beyond the payment");
            Assert.True(journal.BalanceOf(Account, order.Credit.Currency).Available.MinorUnits >= 0, "negative balance");
        }

        Assert.All(journal.Postings, p => Assert.All(p.Entries.GroupBy(e => e.Amount.Currency), c => Assert.Equal(0, c.Sum(e => e.CreditNormalAmount))));
    }

    /// <summary>What a caller does with each outcome, as the application's webhook processing and refunds do.</summary>
    private static void Apply(TopUpOrder order, Journal journal, Step step, DateTimeOffset at)
    {
        switch (step)
        {
            case Step.Paid:
                var paid = order.MarkPaid(at, "pi_1");
                if (paid is { IsApplied: true, To: Succeeded })
                {
                    Post(journal, Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at));
                }
                else if (paid is { IsApplied: true, To: LateCapture })
                {
                    Post(journal, Postings.LateCaptureHold(order.Id, order.Provider, order.Charge, at));
                }

                break;
            case Step.Declined:
                order.RecordDeclinedAttempt(PaymentErrors.InsufficientFunds, "insufficient_funds", $"ch_{at.Ticks}", at);
                break;
            case Step.Failed:
                order.MarkFailed(PaymentErrors.ProcessingError, at);
                break;
            case Step.Expired:
                order.MarkExpired(at);
                break;
            case Step.Cancelled:
                order.Cancel(at);
                break;
            case Step.CreditLateCapture:
                if (order.CreditLateCapture(at) is { IsSuccess: true, Value.IsApplied: true })
                {
                    Post(journal, Postings.LateCaptureCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at));
                }

                break;
            case Step.RefundSome or Step.RefundAll:
                var amount = step == Step.RefundSome ? Usd("5.00") : null;
                if (order.RequestRefund(Guid.NewGuid(), amount, at) is { IsSuccess: true } refund)
                {
                    Post(journal, Postings.RefundDebit(order.Id, refund.Value.Id, order.AccountId, order.Provider, refund.Value.Credit, refund.Value.Charge, at));
                }

                break;
            case Step.RefundLateCapture:
                if (order.RequestLateCaptureRefund(Guid.NewGuid(), at) is { IsSuccess: true } lateRefund)
                {
                    Post(journal, Postings.LateCaptureRefund(order.Id, lateRefund.Value.Id, order.Provider, lateRefund.Value.Charge, at));
                }

                break;
            case Step.ConfirmFirstPendingRefund:
                if (order.Refunds.FirstOrDefault(r => r.Status == Refunds.RefundStatus.Pending) is { } toConfirm)
                {
                    order.ConfirmRefund(toConfirm.Id, at);
                }

                break;
            case Step.FailFirstPendingRefund:
                if (order.Refunds.FirstOrDefault(r => r.Status == Refunds.RefundStatus.Pending) is { } toFail
                    && order.FailRefund(toFail.Id, PaymentErrors.RefundFailed, at) is { IsSuccess: true, Value.IsApplied: true })
                {
                    var kind = toFail.ForLateCapture ? PostingKind.LateCaptureRefund : PostingKind.RefundDebit;
                    Post(journal, Postings.Reversal(journal.Find(new PostingKey(order.Id, kind, toFail.Id))!, at).Value);
                }

                break;
        }
    }

    private static void Post(Journal journal, Posting posting)
    {
        var result = journal.Post(posting);
        Assert.True(result is PostResult.Posted or PostResult.AlreadyExists, $"{posting.Key}: {result}");
    }

    private static long RefundedOrPending(TopUpOrder order) =>
        order.Refunds.Where(r => r.Status != Refunds.RefundStatus.Failed).Sum(r => r.Charge.MinorUnits);

    /// <summary>Sequences of up to 30 steps, each drawn from every kind of event and action.</summary>
    public static class Steps
    {
        public static Arbitrary<Step[]> Sequences() =>
            Gen.ArrayOf(Gen.Elements(Enum.GetValues<Step>())).Where(s => s.Length <= 30).ToArbitrary();
    }
}
