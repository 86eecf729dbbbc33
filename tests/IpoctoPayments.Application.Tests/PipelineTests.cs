using IpoctoPayments.Application.Ledger.DebitBalance;
using IpoctoPayments.Application.Ledger.GetBalance;
using IpoctoPayments.Application.TopUps.ListTopUps;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class PipelineTests : ApplicationTest
{
    [Fact]
    public async Task Invalid_input_stops_before_the_handler_and_the_transaction()
    {
        var exception = await Assert.ThrowsAsync<Common.Errors.RequestValidationException>(
            () => App.Send(new DebitBalanceCommand(Account, null, null, " ", "key-1")));

        Assert.Equal(["amount_required", "currency_required", "invalid_reference"], exception.Errors.Select(e => e.Code).Order());
        Assert.Equal(0, App.Database.UnitsOfWork);
        Assert.Empty(App.Database.IdempotencyKeys);
    }

    [Fact]
    public async Task Commands_run_in_a_unit_of_work_and_queries_do_not()
    {
        // A top-up's two: its amount reserved against the account's day, then the order.
        await App.CreateTopUp(StripeCard());
        Assert.Equal(2, App.Database.UnitsOfWork);

        await App.Ask(new GetBalanceQuery(Account));
        await App.Ask(new ListTopUpsQuery(Account, null));

        Assert.Equal(2, App.Database.UnitsOfWork);
    }

    [Fact]
    public async Task Nothing_a_command_adds_is_kept_when_it_fails()
    {
        App.PayerMax.Unavailable = true;

        await Errors.Refused(() => App.Send(PayerMaxGCash(key: "key-1")));

        // A top-up asks the provider before the order's unit of work opens: only the day's reservation came before, and
        // the failure gave it back.
        Assert.Equal(1, App.Database.UnitsOfWork);
        Assert.Empty(App.Database.Orders);
        Assert.Empty(App.Database.IdempotencyKeys);
    }
}
