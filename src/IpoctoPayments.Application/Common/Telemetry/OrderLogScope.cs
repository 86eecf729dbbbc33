using IpoctoPayments.Domain.TopUps;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Common.Telemetry;

/// <summary>Puts the order number, the number customers quote to support, on every log line written while an order is handled.</summary>
public static class OrderLogScope
{
    public const string OrderNumberKey = "OrderNumber";

    public static IDisposable? BeginOrderScope(this ILogger logger, OrderNumber number)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(number);
        return logger.BeginScope(new Dictionary<string, object?> { [OrderNumberKey] = number.Value });
    }
}
