using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Refunds.SendRefund;

/// <summary>
/// Sends one recorded refund to its provider, outside any transaction, and applies the provider's answer as a provider
/// event. <see cref="FailedAttempts"/> sets how long to wait before the next try if the provider cannot be reached.
/// </summary>
public sealed record SendRefundCommand(Guid TopUpId, Guid RefundId, int FailedAttempts) : ICommand, IOwnsItsUnitOfWork;
