using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Domain.Tests;

/// <summary>Orders brought into each state of the table the way providers would bring them there.</summary>
internal static class Orders
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public static AccountId Account { get; } = AccountId.Parse("acc-42").Value;

    public static Money Usd(string amount) => Money.Parse(amount, "USD").Value;

    public static Money Php(string amount) => Money.Parse(amount, "PHP").Value;

    public static ExchangeRate UsdToPhp(string rate) => ExchangeRate.Parse(Currency.Usd, Php("0").Currency, rate).Value;

    public static TopUpOrder New(string credit = "20.00", ExchangeRate? rate = null, PaymentProvider provider = PaymentProvider.Stripe) =>
        TopUpOrder.Create(OrderNumber.New(), Account, provider, CountryCode.Parse("US").Value, Usd(credit), rate, method: null, T0).Value;

    public static TopUpOrder In(TopUpStatus status, ExchangeRate? rate = null)
    {
        var order = New(rate: rate);
        var at = T0.AddMinutes(1);
        switch (status)
        {
            case TopUpStatus.Succeeded:
                order.MarkPaid(at);
                break;
            case TopUpStatus.Failed:
                order.MarkFailed(PaymentErrors.WalletFailed, at);
                break;
            case TopUpStatus.Expired:
                order.MarkExpired(at);
                break;
            case TopUpStatus.Cancelled:
                order.Cancel(at);
                break;
            case TopUpStatus.LateCapture:
                order.MarkExpired(at);
                order.MarkPaid(at.AddMinutes(1));
                break;
            case TopUpStatus.PartiallyRefunded:
                order.MarkPaid(at);
                order.ConfirmRefund(order.RequestRefund(Guid.NewGuid(), Usd("5.00"), at).Value.Id, at);
                break;
            case TopUpStatus.Refunded:
                order.MarkPaid(at);
                order.ConfirmRefund(order.RequestRefund(Guid.NewGuid(), null, at).Value.Id, at);
                break;
        }

        Assert.Equal(status, order.Status);
        return order;
    }
}
