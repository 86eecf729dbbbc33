using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Ledger;

public sealed class CustomerBalanceTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7(T0);

    [Fact]
    public void A_balance_applies_the_postings_on_its_account()
    {
        var balance = CustomerBalance.Empty(Account, Currency.Usd)
            .Apply(Postings.TopUpCredit(OrderId, Account, PaymentProvider.Stripe, Usd("20.00"), Usd("20.00"), T0)).Value
            .Apply(Postings.RefundDebit(OrderId, Guid.NewGuid(), Account, PaymentProvider.Stripe, Usd("5.00"), Usd("5.00"), T0)).Value;

        Assert.Equal(Usd("15.00"), balance.Available);
    }

    [Fact]
    public void A_balance_never_goes_below_zero()
    {
        var balance = CustomerBalance.Empty(Account, Currency.Usd);

        var overdraft = balance.Apply(Postings.RefundDebit(OrderId, Guid.NewGuid(), Account, PaymentProvider.Stripe, Usd("0.01"), Usd("0.01"), T0));

        Assert.Equal("insufficient_balance", overdraft.Error!.Code);
    }

    [Fact]
    public void Postings_on_other_accounts_leave_a_balance_alone()
    {
        var other = AccountId.Parse("acc-7").Value;
        var balance = CustomerBalance.Empty(Account, Currency.Usd);

        var after = balance.Apply(Postings.TopUpCredit(OrderId, other, PaymentProvider.Stripe, Usd("20.00"), Usd("20.00"), T0)).Value;

        Assert.True(after.Available.IsZero);
    }
}
