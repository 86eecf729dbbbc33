using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Refunds.SendRefund;

/// <summary>
/// Sends one recorded refund to its provider, outside any transaction, and applies the provider's answer as a provider
/// event. A provider that cannot be reached leaves it in the outbox for the dispatcher to try again.
/// </summary>
public sealed record SendRefundCommand(Guid TopUpId, Guid RefundId) : ICommand, IOwnsItsUnitOfWork;
