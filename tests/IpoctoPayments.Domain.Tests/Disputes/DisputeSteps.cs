using System.Security.Cryptography;
using System.Text;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Domain.Tests.Disputes;

/// <summary>A provider's dispute reports applied the way the service's event processing applies them.</summary>
internal static class DisputeSteps
{
    /// <summary>ipocto's id for a provider's dispute: the same from every report of it, as the service derives one.</summary>
    public static Guid IdOf(string providerDisputeId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"dispute:{providerDisputeId}"))[..16]);

    public static DisputeReport Report(string providerDisputeId, Money amount, DisputeStatus status, bool inquiry = false) =>
        new(providerDisputeId, amount, "fraudulent", status, inquiry, RespondBy: null);

    /// <summary>
    /// The order records the report; the ledger takes the dispute's credit out of the balance when the order says to
    /// withdraw and posts the withdrawal's mirror when it says to reinstate — both in one step when a won report is the
    /// first one heard of.
    /// </summary>
    public static Result<DisputeChange> Apply(TopUpOrder order, Journal journal, DisputeReport report, DateTimeOffset at)
    {
        var recorded = order.RecordDispute(IdOf(report.ProviderDisputeId), report, at);
        if (!recorded.IsSuccess)
            return recorded;

        var (dispute, _, withdraw, reinstate) = recorded.Value;
        var withdrawal = Postings.DisputeWithdrawal(order.Id, dispute.Id, order.AccountId, order.Provider, dispute.Credit, dispute.Charge, at);
        if (withdraw)
            Assert.Equal(PostResult.Posted, journal.Post(withdrawal));
        if (reinstate)
            Assert.Equal(PostResult.Posted, journal.Post(Postings.Reversal(journal.Find(withdrawal.Key)!, at).Value));
        return recorded;
    }

    /// <summary>What the order's disputes hold back from the balance: withdrawn and not given back.</summary>
    public static long Withheld(IEnumerable<TopUpOrder> orders) =>
        orders.SelectMany(o => o.Disputes).Sum(d => d.Withheld.MinorUnits);
}
