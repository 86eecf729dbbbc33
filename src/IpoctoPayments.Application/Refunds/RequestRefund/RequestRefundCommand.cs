using System.Text.Json.Serialization;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Refunds.RequestRefund;

/// <summary>
/// An admin refunds all that is left of a top-up (<see cref="Amount"/> null) or part of it, in the balance currency.
/// The balance is debited now, the refund sent to the provider after the commit, and the balance restored if the
/// provider fails the refund.
/// </summary>
public sealed record RequestRefundCommand(Guid TopUpId, string? Amount, string? Currency, string? IdempotencyKey) : ICommand<RequestRefundResult>, IIdempotentCommand
{
    /// <summary>Fixed when the request arrives: without a caller's key it is the refund's id, the same on every retry of the unit of work.</summary>
    public Guid RequestId { get; init; } = Guid.CreateVersion7();

    /// <summary>An admin's keys are per top-up: the key names one refund of it.</summary>
    public string IdempotencyScope => $"topup:{TopUpId}";

    public IEnumerable<string?> RequestFields => [Amount, Currency];
}

/// <summary>The refund as recorded, and the top-up with it; <see cref="Replayed"/> when this is the first answer given again to a retry.</summary>
public sealed record RequestRefundResult(RefundView Refund, TopUpView TopUp, [property: JsonIgnore] bool Replayed = false) : IReplayable<RequestRefundResult>
{
    public RequestRefundResult AsReplay() => this with { Replayed = true };
}
