using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Disputes;

/// <summary>A dispute as an operator works it: the dispute, and the top-up, account and provider it is about.</summary>
public sealed record DisputeCaseView(Guid TopUpId, string OrderNumber, string AccountId, string Provider, DisputeView Dispute)
{
    public static DisputeCaseView From(TopUpOrder order, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new DisputeCaseView(order.Id, order.Number.Value, order.AccountId.Value, ProviderNames.Of(order.Provider), DisputeView.From(dispute));
    }
}
