using IpoctoPayments.Application.Ledger.GetBalance;
using IpoctoPayments.Application.TopUps.ListTopUps;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class PipelineTests : IAsyncLifetime
{
    private readonly PaymentsHarness app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task Invalid_input_stops_before_the_handler_and_the_transaction()
    {
        var exception = await Assert.ThrowsAsync<Common.Errors.RequestValidationException>(
            () => app.Send(StripeCard(amount: null) with { Country = "", ReturnUrl = "nowhere" }));

        Assert.Equal(["amount_required", "country_required", "invalid_return_url"], exception.Errors.Select(e => e.Code).Order());
        Assert.Empty(app.Stripe.SessionRequests);
        Assert.Equal(0, app.Database.UnitsOfWork);
    }

    [Fact]
    public async Task Commands_run_in_a_unit_of_work_and_queries_do_not()
    {
        await app.CreateTopUp(StripeCard());
        Assert.Equal(1, app.Database.UnitsOfWork);

        await app.Ask(new GetBalanceQuery(Account));
        await app.Ask(new ListTopUpsQuery(Account, null));

        Assert.Equal(1, app.Database.UnitsOfWork);
    }

    [Fact]
    public async Task Nothing_a_command_adds_is_kept_when_it_fails()
    {
        app.PayerMax.Unavailable = true;

        await Errors.Refused(() => app.Send(PayerMaxGCash(key: "key-1")));

        Assert.Equal(1, app.Database.UnitsOfWork);
        Assert.Empty(app.Database.Orders);
        Assert.Empty(app.Database.IdempotencyRecords);
    }
}
