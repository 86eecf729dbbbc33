using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

/// <summary>
/// An admin refunds all that is left of a top-up (<see cref="Amount"/> null) or part of it, in the balance currency.
/// The balance is debited now and restored if the provider fails the refund.
/// </summary>
public sealed record RequestRefundCommand(Guid TopUpId, string? Amount, string? Currency, string? IdempotencyKey) : ICommand<RequestRefundResult>;

public sealed record RequestRefundResult(RefundView Refund, TopUpView TopUp);
