using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

/// <summary>
/// An admin refunds all that is left of a top-up (<see cref="Amount"/> null) or part of it, in the balance currency.
/// The balance is debited now, the refund sent to the provider after the commit, and the balance restored if the
/// provider fails the refund.
/// </summary>
public sealed record RequestRefundCommand(Guid TopUpId, string? Amount, string? Currency, string? IdempotencyKey) : ICommand<RequestRefundResult>
{
    /// <summary>Fixed when the request arrives: without a caller's key it is the refund's id, the same on every retry of the unit of work.</summary>
    public Guid RequestId { get; init; } = Guid.CreateVersion7();
}

public sealed record RequestRefundResult(RefundView Refund, TopUpView TopUp);
