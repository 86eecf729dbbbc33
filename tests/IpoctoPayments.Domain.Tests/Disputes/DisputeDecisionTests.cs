using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.Support;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Disputes;

/// <summary>A decided dispute stays decided, and the edges of what a dispute may take.</summary>
public sealed class DisputeDecisionTests
{
    private readonly Journal journal = new();

    public static TheoryData<DisputeStatus, DisputeStatus> Overturns => new()
    {
        { DisputeStatus.Won, DisputeStatus.Lost },
        { DisputeStatus.Lost, DisputeStatus.Won },
        { DisputeStatus.Won, DisputeStatus.UnderReview },
    };

    [Theory]
    [MemberData(nameof(Overturns))]
    public void A_report_after_the_decision_changes_neither_the_dispute_nor_the_balance(DisputeStatus decided, DisputeStatus later)
    {
        var order = Paid();
        DisputeSteps.Apply(order, journal, DisputeSteps.Report("dp_1", Usd("20.00"), decided), T0);
        var balance = journal.BalanceOf(Account, Usd("0").Currency);

        var again = DisputeSteps.Apply(order, journal, DisputeSteps.Report("dp_1", Usd("20.00"), later), T0.AddDays(1)).Value;

        Assert.False(again.Applied);
        Assert.Equal(decided, Assert.Single(order.Disputes).Status);
        Assert.Equal(balance, journal.BalanceOf(Account, Usd("0").Currency));
        Assert.Equal(TimelineEntryKind.StaleEventIgnored, order.Timeline[^1].Kind);
    }

    [Fact]
    public void A_dispute_of_more_than_was_paid_is_refused_and_moves_nothing()
    {
        var order = Paid();

        var refused = order.RecordDispute(DisputeSteps.IdOf("dp_big"), DisputeSteps.Report("dp_big", Usd("20.01"), DisputeStatus.NeedsResponse), T0);

        Assert.Equal("dispute_amount_invalid", refused.Error!.Code);
        Assert.Empty(order.Disputes);
    }

    [Fact]
    public void A_partial_dispute_takes_its_share_of_a_credit_paid_in_another_currency_rounded_half_to_even()
    {
        // 20.00 USD paid as 1,165.00 PHP: 582.50 PHP disputed is half, 10.00 USD.
        var order = Paid(UsdToPhp("58.25"));

        var change = DisputeSteps.Apply(order, journal, DisputeSteps.Report("dp_half", Php("582.50"), DisputeStatus.NeedsResponse), T0).Value;

        Assert.Equal(Usd("10.00"), change.Dispute.Credit);
        Assert.Equal(Usd("10.00"), journal.BalanceOf(Account, Usd("0").Currency).Available);
    }

    private TopUpOrder Paid(ExchangeRate? rate = null)
    {
        var order = New("20.00", rate);
        order.MarkPaid(T0);
        Assert.Equal(PostResult.Posted, journal.Post(Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, T0)));
        return order;
    }
}
