using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// The <c>ExchangeRates</c> section: a table of rates from the balance currency, e.g. <c>ExchangeRates:Rates:USD:PHP = "56.25"</c>.
/// A rate feed would implement <see cref="IExchangeRates"/> the same way; the table keeps the sandbox and tests offline.
/// </summary>
public sealed class ExchangeRateOptions
{
    public const string Section = "ExchangeRates";

    public Dictionary<string, Dictionary<string, string>> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class ConfiguredExchangeRates(IOptions<ExchangeRateOptions> options) : IExchangeRates
{
    public Task<ExchangeRate?> FindAsync(Currency from, Currency to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var rate = options.Value.Rates.TryGetValue(from.Code, out var table) && table.TryGetValue(to.Code, out var text)
            ? ExchangeRate.Parse(from, to, text)
            : null;
        return Task.FromResult(rate is { IsSuccess: true } ? rate.Value : null);
    }
}
