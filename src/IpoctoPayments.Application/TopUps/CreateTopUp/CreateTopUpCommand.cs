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
    string? IdempotencyKey) : ICommand<CreateTopUpResult>;

/// <summary>The new (or, for a retried key, the earlier) top-up; <see cref="Replayed"/> says which.</summary>
public sealed record CreateTopUpResult(TopUpView TopUp, bool Replayed);
