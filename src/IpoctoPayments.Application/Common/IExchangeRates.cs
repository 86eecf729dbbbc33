using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Common;

/// <summary>Where the rate between the balance currency and a payment method's currency comes from.</summary>
public interface IExchangeRates
{
    /// <summary>The rate to lock on a new order, or null when this pair is not offered.</summary>
    Task<ExchangeRate?> FindAsync(Currency from, Currency to, CancellationToken cancellationToken);
}
