using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.TopUps;

/// <summary>
/// What an account has topped up in the last 24 hours, kept exact however many instances take its top-ups: each top-up
/// reserves its amount before its provider is asked, and the reservation is what the next one counts.
/// </summary>
public interface IDailyTopUpLimit
{
    /// <summary>
    /// Inside the caller's unit of work: waits for the account's other reservations in flight, counts the reservations
    /// of the 24 hours before <paramref name="now"/> whose orders did not close unpaid, and reserves
    /// <paramref name="amount"/> for <paramref name="orderId"/> if it fits in what <paramref name="limits"/> leave of
    /// the day. An order already reserved for (a retry of the same request) stands. Null when reserved; when refused,
    /// what is left.
    /// </summary>
    Task<Money?> ReserveAsync(AccountId account, Guid orderId, Money amount, TopUpLimits limits, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>What the account's top-ups of the 24 hours before <paramref name="now"/> hold, as the next reservation counts it.</summary>
    Task<Money> UsedAsync(AccountId account, Currency currency, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back the reservation of an order that was never recorded (its provider refused or failed). Best effort: a
    /// reservation not given back counts until it is 24 hours old.
    /// </summary>
    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);
}
