using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Disputes.DisputeStatus;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Disputes;

/// <summary>
/// Dispute reports of every state, repeated and in any order, mixed with payments, refunds and billing debits on one
/// account: the balance goes below zero only by what open or lost disputes withdrew, each dispute moves its money at
/// most once each way, and the books balance.
/// </summary>
public sealed class DisputeProperties
{
    public abstract record Step;

    public sealed record Pay(int Order) : Step;

    public sealed record RefundSome(int Order) : Step;

    public sealed record SettleRefund(int Order, bool Succeeds) : Step;

    public sealed record Debit(long Cents) : Step;

    /// <summary>A report of dispute <paramref name="Dispute"/> (0: a third of the charge, 1: the rest) of an order.</summary>
    public sealed record Report(int Order, int Dispute, DisputeStatus Status, bool Inquiry) : Step;

    /// <summary>One dispute's reports as the provider sends them in time, and as they arrive: shuffled, some twice.</summary>
    public sealed record Arrival((DisputeStatus Status, bool Inquiry)[] InTime, (DisputeStatus Status, bool Inquiry)[] Arrived, long SpentCents, bool Partial)
    {
        public override string ToString() => $"in time [{Words(InTime)}], arrived [{Words(Arrived)}], {SpentCents} spent, partial: {Partial}";

        private static string Words((DisputeStatus Status, bool Inquiry)[] reports) =>
            string.Join(", ", reports.Select(r => r.Inquiry ? $"inquiry {r.Status}" : $"{r.Status}"));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(Generators)])]
    public void The_balance_goes_below_zero_only_by_what_open_or_lost_disputes_withdrew(Step[] steps)
    {
        TopUpOrder[] orders = [New("20.00"), New("20.00", UsdToPhp("58.255")), New("5.01")];
        var journal = new Journal();
        long debited = 0;
        var at = T0;
        foreach (var step in steps)
        {
            at = at.AddMinutes(1);
            debited += Apply(orders, journal, step, at);
            AssertInvariants(orders, journal, debited, step);
        }

        Assert.All(journal.Postings, p => Assert.All(p.Entries.GroupBy(e => e.Amount.Currency), c => Assert.Equal(0, c.Sum(e => e.CreditNormalAmount))));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(Generators)])]
    public void One_disputes_reports_end_the_same_whatever_their_order_and_a_won_dispute_leaves_the_balance_as_it_was(Arrival arrival)
    {
        var (inTime, inTimeJournal, before) = Disputed(arrival, arrival.InTime);
        var (arrived, arrivedJournal, _) = Disputed(arrival, arrival.Arrived);

        var expected = inTime.Disputes.Single();
        var actual = arrived.Disputes.Single();
        Assert.Equal(
            (expected.Status, expected.IsInquiry, expected.FundsWithdrawn, expected.FundsReinstated),
            (actual.Status, actual.IsInquiry, actual.FundsWithdrawn, actual.FundsReinstated));
        Assert.Equal(inTimeJournal.BalanceOf(Account, Currency.Usd), arrivedJournal.BalanceOf(Account, Currency.Usd));
        Assert.Equal(Kinds(inTimeJournal), Kinds(arrivedJournal));

        var after = arrivedJournal.BalanceOf(Account, Currency.Usd);
        if (actual.Status == Won)
        {
            Assert.Equal(before, after.MinorUnits);
            Assert.Equal(0, after.DisputedMinorUnits);
            Assert.Equal(0, arrivedJournal.BalanceOf(LedgerAccount.Disputes(PaymentProvider.Stripe, Currency.Usd)));
        }
        else
        {
            Assert.Equal(before - actual.Withheld.MinorUnits, after.MinorUnits);
            Assert.Equal(actual.FundsWithdrawn, arrival.InTime.Any(r => !r.Inquiry));
        }
    }

    /// <summary>A paid order, part of its credit spent, then the dispute's reports in the given order; and the balance before them.</summary>
    private static (TopUpOrder Order, Journal Journal, long Before) Disputed(Arrival arrival, (DisputeStatus Status, bool Inquiry)[] reports)
    {
        var order = New("20.00", UsdToPhp("58.255"));
        var journal = new Journal();
        var at = T0.AddMinutes(1);
        order.MarkPaid(at, "pi_1");
        journal.Post(Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at));
        journal.Post(Postings.BillingDebit(Guid.CreateVersion7(at), Account, Money.FromMinorUnits(arrival.SpentCents, Currency.Usd).Value, "hosting", at));
        var before = journal.BalanceOf(Account, Currency.Usd).MinorUnits;

        var amount = arrival.Partial ? Money.FromMinorUnits(order.Charge.MinorUnits / 3, order.Charge.Currency).Value : order.Charge;
        foreach (var (status, inquiry) in reports)
        {
            at = at.AddMinutes(1);
            Assert.True(DisputeSteps.Apply(order, journal, DisputeSteps.Report("dp_1", amount, status, inquiry), at).IsSuccess);
        }

        return (order, journal, before);
    }

    private static PostingKind[] Kinds(Journal journal) => [.. journal.Postings.Select(p => p.Key.Kind).Order()];

    /// <summary>Does what the step says as the service would; returns what a billing debit took.</summary>
    private static long Apply(TopUpOrder[] orders, Journal journal, Step step, DateTimeOffset at)
    {
        switch (step)
        {
            case Pay(var i):
                var order = orders[i];
                if (order.MarkPaid(at, $"pi_{i}") is { IsApplied: true, To: TopUpStatus.Succeeded })
                    Assert.Equal(PostResult.Posted, journal.Post(Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, at)));
                return 0;
            case RefundSome(var i):
                Refund(orders[i], journal, at);
                return 0;
            case SettleRefund(var i, var succeeds):
                Settle(orders[i], journal, succeeds, at);
                return 0;
            case Debit(var cents):
                var before = journal.BalanceOf(Account, Currency.Usd).MinorUnits;
                var debit = Postings.BillingDebit(Guid.CreateVersion7(at), Account, Money.FromMinorUnits(cents, Currency.Usd).Value, "hosting", at);
                var posted = journal.Post(debit);
                Assert.Equal(before >= cents ? PostResult.Posted : PostResult.InsufficientBalance, posted);
                return posted == PostResult.Posted ? cents : 0;
            case Report(var i, var d, var status, var inquiry):
                ReportTwice(orders[i], journal, DisputeSteps.Report($"dp_{i}_{d}", DisputeAmount(orders[i], d), status, inquiry), at);
                return 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private static Money DisputeAmount(TopUpOrder order, int dispute)
    {
        var third = order.Charge.MinorUnits / 3;
        return Money.FromMinorUnits(dispute == 0 ? third : order.Charge.MinorUnits - third, order.Charge.Currency).Value;
    }

    /// <summary>Applies the report, then the same report again, which must change nothing.</summary>
    private static void ReportTwice(TopUpOrder order, Journal journal, DisputeReport report, DateTimeOffset at)
    {
        var postings = journal.Postings.Count;
        var first = DisputeSteps.Apply(order, journal, report, at);
        if (!first.IsSuccess)
        {
            Assert.Equal(postings, journal.Postings.Count);
            Assert.True(first.Error!.Code is "dispute_before_payment" or "dispute_not_credited", first.Error.Code);
            return;
        }

        var dispute = first.Value.Dispute;
        var state = (dispute.Status, dispute.IsInquiry, dispute.FundsWithdrawn, dispute.FundsReinstated, journal.Postings.Count, journal.BalanceOf(Account, Currency.Usd));
        var again = DisputeSteps.Apply(order, journal, report, at.AddSeconds(1)).Value;
        Assert.Equal(new DisputeChange(dispute, Applied: false, Withdraw: false, Reinstate: false), again);
        Assert.Equal(state, (dispute.Status, dispute.IsInquiry, dispute.FundsWithdrawn, dispute.FundsReinstated, journal.Postings.Count, journal.BalanceOf(Account, Currency.Usd)));
    }

    /// <summary>Five dollars (or what is left) back, asked for only where the service would take it: while the balance holds it.</summary>
    private static void Refund(TopUpOrder order, Journal journal, DateTimeOffset at)
    {
        if (order.Status is not (TopUpStatus.Succeeded or TopUpStatus.PartiallyRefunded))
            return;
        if (order.IsDisputed)
        {
            Assert.Equal("order_disputed", order.RequestRefund(Guid.NewGuid(), null, at).Error!.Code);
            return;
        }

        var amount = Math.Min(500, order.RefundableCredit.MinorUnits);
        if (amount == 0 || journal.BalanceOf(Account, Currency.Usd).MinorUnits < amount)
            return;

        var refund = order.RequestRefund(Guid.NewGuid(), Money.FromMinorUnits(amount, Currency.Usd).Value, at).Value;
        Assert.Equal(PostResult.Posted, journal.Post(Postings.RefundDebit(order.Id, refund.Id, order.AccountId, order.Provider, refund.Credit, refund.Charge, at)));
    }

    private static void Settle(TopUpOrder order, Journal journal, bool succeeds, DateTimeOffset at)
    {
        if (order.Refunds.FirstOrDefault(r => r.Status == RefundStatus.Pending) is not { } pending)
            return;
        if (succeeds)
        {
            Assert.True(order.ConfirmRefund(pending.Id, at).IsSuccess);
            return;
        }

        Assert.True(order.FailRefund(pending.Id, PaymentErrors.RefundFailed, at).IsSuccess);
        var debit = journal.Find(new PostingKey(order.Id, PostingKind.RefundDebit, pending.Id))!;
        Assert.Equal(PostResult.Posted, journal.Post(Postings.Reversal(debit, at).Value));
    }

    private static void AssertInvariants(TopUpOrder[] orders, Journal journal, long debited, Step step)
    {
        var balance = journal.BalanceOf(Account, Currency.Usd);
        var disputes = orders.SelectMany(o => o.Disputes).ToList();
        var withheld = DisputeSteps.Withheld(orders);

        Assert.True(balance.MinorUnits >= -withheld, $"after {step}: balance {balance.MinorUnits} below what disputes withhold ({withheld})");
        if (!disputes.Exists(d => d.IsOpen || d.Status == Lost))
            Assert.True(balance.MinorUnits >= 0, $"after {step}: balance {balance.MinorUnits} with no dispute open or lost");
        Assert.Equal(withheld, balance.DisputedMinorUnits);

        var credited = orders.Where(o => journal.Find(new PostingKey(o.Id, PostingKind.TopUpCredit)) is not null).Sum(o => o.Credit.MinorUnits);
        var refunded = orders.SelectMany(o => o.Refunds).Where(r => r.Status != RefundStatus.Failed).Sum(r => r.Credit.MinorUnits);
        Assert.Equal(credited - refunded - debited - withheld, balance.MinorUnits);

        foreach (var dispute in disputes)
        {
            Assert.True(dispute.Withheld.IsZero || dispute.Status != Won, $"dispute {dispute.ProviderDisputeId} won but withholds {dispute.Withheld}");
            var withdrawal = Index(journal, PostingKind.DisputeWithdrawal, dispute.Id);
            var reinstatement = Index(journal, PostingKind.DisputeReinstatement, dispute.Id);
            Assert.Equal(dispute.FundsWithdrawn, withdrawal >= 0);
            Assert.Equal(dispute.FundsReinstated, reinstatement >= 0);
            Assert.True(reinstatement < 0 || reinstatement > withdrawal, $"dispute {dispute.ProviderDisputeId} reinstated before it was withdrawn");
        }
    }

    private static int Index(Journal journal, PostingKind kind, Guid disputeId)
    {
        var postings = journal.Postings.Select((p, i) => (p, i)).Where(x => x.p.Key.Kind == kind && x.p.Key.PartId == disputeId).ToList();
        Assert.True(postings.Count <= 1, $"{postings.Count} {kind} postings for dispute {disputeId}");
        return postings.Count == 0 ? -1 : postings[0].i;
    }

    public static class Generators
    {
        private static readonly Gen<int> AnOrder = Gen.Choose(0, 2);

        /// <summary>Up to 40 steps of every kind, dispute reports of any state the most often.</summary>
        public static Arbitrary<Step[]> Steps()
        {
            var step = Gen.Frequency(
                (2, AnOrder.Select(o => (Step)new Pay(o))),
                (1, AnOrder.Select(o => (Step)new RefundSome(o))),
                (1, AnOrder.Zip(Gen.Elements(true, false), (o, s) => (Step)new SettleRefund(o, s))),
                (2, Gen.Choose(1, 2500).Select(c => (Step)new Debit(c))),
                (5, from o in AnOrder
                    from d in Gen.Choose(0, 1)
                    from s in Gen.Elements(Enum.GetValues<DisputeStatus>())
                    from i in Gen.Elements(true, false)
                    select (Step)new Report(o, d, s, i)));
            return Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(step, n)).ToArbitrary();
        }

        /// <summary>
        /// The ways a dispute goes on Stripe: an inquiry (answered, closed, or escalated into a chargeback) or a chargeback
        /// (its opening and withdrawal reports, under review, then won with its reinstatement, or lost) — stopped anywhere.
        /// </summary>
        public static Arbitrary<Arrival> Arrivals()
        {
            var inquiry = Gen.Elements<(DisputeStatus, bool)[]>([], [(NeedsResponse, true)], [(NeedsResponse, true), (UnderReview, true)]);
            var chargeback =
                from review in Gen.Elements<(DisputeStatus, bool)[]>([], [(UnderReview, false)])
                from end in Gen.Elements<(DisputeStatus, bool)[]>([], [(Won, false), (Won, false)], [(Lost, false)])
                select Path([(NeedsResponse, false), (NeedsResponse, false), .. review, .. end]);
            var path =
                from asked in inquiry
                from escalated in asked.Length == 0 ? Gen.Constant(true) : Gen.Elements(true, false)
                from rest in escalated ? chargeback : Gen.Elements<(DisputeStatus, bool)[]>([], [(Won, true)])
                select Path([.. asked, .. rest]);
            var arrival =
                from inTime in path.Where(p => p.Length > 0)
                from repeated in Gen.CollectToArray(inTime, r => Gen.Elements(1, 1, 2, 3).Select(n => Enumerable.Repeat(r, n)))
                from arrived in Gen.Shuffle(repeated.SelectMany(r => r))
                from spent in Gen.Choose(1, 2000)
                from partial in Gen.Elements(true, false)
                select new Arrival(inTime, arrived, spent, partial);
            return arrival.ToArbitrary();
        }

        private static (DisputeStatus Status, bool Inquiry)[] Path(params (DisputeStatus Status, bool Inquiry)[] reports) => reports;
    }
}
