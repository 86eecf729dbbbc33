using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Disputes;

/// <summary>What answering a dispute starts with, whichever the answer: its order, and a provider that takes answers by API.</summary>
internal sealed class DisputeCases(ITopUpOrders orders)
{
    public async Task<TopUpOrder> FindAnswerableAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var order = await orders.FindByDisputeAsync(disputeId, cancellationToken) ?? throw DisputeErrors.NotFound(disputeId);
        if (!DisputeAnswers.ByApi(order.Provider))
        {
            throw DisputeErrors.NotAnsweredByApi(order.Provider);
        }

        return order;
    }

    /// <summary>The answered dispute, or the domain's refusal as the caller's error.</summary>
    public static Dispute Answered(Result<Dispute> answered, Guid disputeId) => answered switch
    {
        { IsSuccess: true } => answered.Value,
        { Error.Code: "dispute_not_found" } => throw DisputeErrors.NotFound(disputeId),
        _ => answered.OrThrow(ErrorKind.Conflict),
    };
}
