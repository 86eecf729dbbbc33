using System.Text.Json.Serialization;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.TopUps.CreateTopUp;

/// <summary>
/// Guide step 1: the customer asks to top up <see cref="Amount"/> (in the balance currency) through a provider, in
/// their country, optionally with a method chosen in the console. Parsed at the API's edge: every value here is valid.
/// </summary>
public sealed record CreateTopUpCommand(
    AccountId Account,
    Money Amount,
    PaymentProvider Provider,
    CountryCode Country,
    string? PaymentMethod,
    Uri ReturnUrl,
    string? IdempotencyKey) : ICommand<CreateTopUpResult>, IOwnsItsUnitOfWork, IIdempotentCommand
{
    /// <summary>Fixed when the request arrives, so a unit of work run again after a write conflict opens the same order.</summary>
    public Guid RequestId { get; init; } = Guid.CreateVersion7();

    public string IdempotencyScope => Account.Value;

    public IEnumerable<string?> RequestFields => [Amount.ToString(), ProviderNames.Of(Provider), Country.Value, PaymentMethod, ReturnUrl.OriginalString];
}

/// <summary>The new top-up; <see cref="Replayed"/> when this is the first answer given again to a retry with the same key.</summary>
public sealed record CreateTopUpResult(TopUpView TopUp, [property: JsonIgnore] bool Replayed = false) : IReplayable<CreateTopUpResult>
{
    public CreateTopUpResult AsReplay() => this with { Replayed = true };
}
