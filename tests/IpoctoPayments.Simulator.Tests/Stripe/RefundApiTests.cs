using System.Net;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class RefundApiTests
{
    private static async Task<(SimulatorFixture Sim, string PaymentIntentId)> PaidSessionAsync()
    {
        var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var paid = await sim.ControlAsync($"sessions/{session.Id}/complete");
        await sim.RunDueAsync();
        return (sim, paid.GetProperty("payment_intent").GetProperty("id").GetString()!);
    }

    private static Task<Refund> CreateMagicRefundAsync(RefundService refunds, string intentId, string outcome) =>
        refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = intentId,
            Metadata = new Dictionary<string, string> { ["simulator_refund"] = outcome },
        });

    [Fact]
    public async Task A_full_refund_is_pending_then_succeeds_on_the_clock_with_its_events()
    {
        var (sim, intentId) = await PaidSessionAsync();
        await using var _ = sim;
        var client = sim.StripeClient();

        var refund = await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Reason = "requested_by_customer" });
        await sim.RunDueAsync();
        var pending = await client.V1.Refunds.GetAsync(refund.Id);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var settled = await client.V1.Refunds.GetAsync(refund.Id);

        Assert.StartsWith("re_", refund.Id, StringComparison.Ordinal);
        Assert.Equal(2000, refund.Amount);
        Assert.Equal("pending", pending.Status);
        Assert.Equal("succeeded", settled.Status);
        Assert.Equal(intentId, settled.PaymentIntentId);
        Assert.Equal(
            ["payment_intent.succeeded", "checkout.session.completed", "refund.created", "charge.refunded", "refund.updated"],
            sim.EventTypes());
        var charge = (Charge)sim.VerifiedEvents().Single(e => e.Type == "charge.refunded").Data.Object;
        Assert.Equal(2000, charge.AmountRefunded);
        Assert.True(charge.Refunded);
    }

    [Fact]
    public async Task Partial_refunds_are_allowed_until_the_total_is_refunded()
    {
        var (sim, intentId) = await PaidSessionAsync();
        await using var _ = sim;
        var refunds = sim.StripeClient().V1.Refunds;

        var first = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Amount = 500 });
        var rest = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId });
        var none = await Assert.ThrowsAsync<StripeException>(() => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Amount = 1 }));
        var listed = await refunds.ListAsync(new RefundListOptions { PaymentIntent = intentId });

        Assert.Equal(500, first.Amount);
        Assert.Equal(1500, rest.Amount);
        Assert.Equal("charge_already_refunded", none.StripeError.Code);
        Assert.Equal([rest.Id, first.Id], listed.Data.Select(r => r.Id));
    }

    [Fact]
    public async Task A_refund_above_what_is_left_is_refused_with_the_amount_param()
    {
        var (sim, intentId) = await PaidSessionAsync();
        await using var _ = sim;
        var refunds = sim.StripeClient().V1.Refunds;
        await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Amount = 1500 });

        var error = await Assert.ThrowsAsync<StripeException>(() => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId, Amount = 501 }));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("invalid_request_error", error.StripeError.Type);
        Assert.Equal("amount", error.StripeError.Param);
        Assert.Equal("amount_too_large", error.StripeError.Code);
    }

    [Fact]
    public async Task A_refund_on_an_unpaid_payment_intent_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var declined = await sim.ControlAsync($"sessions/{session.Id}/decline", new { declineCode = "insufficient_funds" });
        var intentId = declined.GetProperty("payment_intent").GetProperty("id").GetString();

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId }));
        var missing = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = "pi_missing" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("payment_intent", error.StripeError.Param);
        Assert.Equal("charge_not_refundable", error.StripeError.Code);
        Assert.Equal("resource_missing", missing.StripeError.Code);
        Assert.Equal("payment_intent", missing.StripeError.Param);
    }

    [Fact]
    public async Task The_magic_metadata_makes_a_refund_fail_and_gives_the_amount_back()
    {
        var (sim, intentId) = await PaidSessionAsync();
        await using var _ = sim;
        var refunds = sim.StripeClient().V1.Refunds;

        var refund = await CreateMagicRefundAsync(refunds, intentId, "fail");
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var failed = await refunds.GetAsync(refund.Id);
        var again = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intentId });

        Assert.Equal("failed", failed.Status);
        Assert.Equal("declined", failed.FailureReason);
        Assert.Equal(2000, again.Amount);
        Assert.Contains("refund.failed", sim.EventTypes());
    }

    [Fact]
    public async Task The_magic_metadata_can_leave_a_refund_pending()
    {
        var (sim, intentId) = await PaidSessionAsync();
        await using var _ = sim;
        var refunds = sim.StripeClient().V1.Refunds;

        var refund = await CreateMagicRefundAsync(refunds, intentId, "pending");
        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("pending", (await refunds.GetAsync(refund.Id)).Status);
    }

    [Fact]
    public async Task An_unknown_refund_is_404()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Refunds.GetAsync("re_missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("resource_missing", error.StripeError.Code);
    }
}
