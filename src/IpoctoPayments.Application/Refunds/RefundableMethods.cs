using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Refunds;

internal static class RefundableMethods
{
    /// <summary>Whether the provider can send this order's money back; an order paid by a method chosen on the provider's page is tried.</summary>
    public static bool IsRefundable(this PaymentMethodCatalogue catalogue, TopUpOrder order) =>
        order.PaymentMethodCode is not { } code
        || catalogue.Method(order.Provider, order.Country, code)?.Refundable != false;
}
