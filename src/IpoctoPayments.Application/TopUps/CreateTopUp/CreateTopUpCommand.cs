using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.TopUps.CreateTopUp;

/// <summary>Guide step 1: the customer asks to top up <see cref="Amount"/> (balance currency) through a provider.</summary>
public sealed record CreateTopUpCommand(
    string AccountId,
    string? Amount,
    string? Currency,
    string? Provider,
    string? Country,
    string? PaymentMethod,
    string? ReturnUrl,
    string? IdempotencyKey) : ICommand<CreateTopUpResult>, IOwnsItsUnitOfWork
{
    /// <summary>Fixed when the request arrives, so a unit of work run again after a write conflict opens the same order.</summary>
    public Guid RequestId { get; init; } = Guid.CreateVersion7();
}

/// <summary>The new (or, for a retried key, the earlier) top-up; <see cref="Replayed"/> says which.</summary>
public sealed record CreateTopUpResult(TopUpView TopUp, bool Replayed);
