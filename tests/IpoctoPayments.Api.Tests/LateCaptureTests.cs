using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>The guide's "the amount was deducted, but the order shows as failed": a bank-sync delay in the simulator.</summary>
public sealed class LateCaptureTests
{
    private const string RefundPromise = "1-7 business days";
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(10);

    public static TheoryData<DatabaseProvider, string> Providers() => Databases.Times(["stripe", "payermax"]);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_late_capture_is_refunded_automatically_and_the_balance_is_unchanged(DatabaseProvider database, string provider)
    {
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-late");
        await system.SetFaultsAsync(new { bankSyncDelay = Delay });

        var reported = await PayAsync(system, console, provider);
        Assert.True(reported.Status() is "failed" or "expired", reported.Status());

        await system.AdvanceAsync(Delay);

        var captured = await console.TopUpAsync(reported.Id());
        Assert.Equal("late_capture", captured.Status());
        var refund = Assert.Single(captured.GetProperty("refunds").EnumerateArray());
        Assert.True(refund.GetProperty("forLateCapture").GetBoolean());
        Assert.Equal("0.00", await console.BalanceAsync());

        await system.AdvanceAsync(TimeSpan.FromMinutes(2));
        var order = await console.TopUpAsync(reported.Id());
        Assert.Equal("refunded", order.Status());
        Assert.Equal("succeeded", Assert.Single(order.GetProperty("refunds").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("0.00", order.GetProperty("refundable").GetProperty("amount").GetString());
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Empty(await console.LedgerAsync());
        var timeline = await system.TimelineAsync(order.OrderNumber());
        Assert.Contains(timeline.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains(RefundPromise, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task With_the_credit_policy_a_late_capture_credits_the_balance(DatabaseProvider database, string provider)
    {
        await using var system = await PaymentsSystem.StartAsync(database, new Dictionary<string, string?> { ["TopUps:LateCapturePolicy"] = "Credit" });
        var console = system.Console("acc-late-credit");
        await system.SetFaultsAsync(new { bankSyncDelay = Delay });

        var reported = await PayAsync(system, console, provider);
        Assert.Equal("0.00", await console.BalanceAsync());
        await system.AdvanceAsync(Delay);

        var order = await console.TopUpAsync(reported.Id());
        Assert.Empty(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal(order.GetProperty("amount").GetProperty("amount").GetString(), await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
    }

    private static Task<System.Text.Json.JsonElement> PayAsync(PaymentsSystem system, PaymentsApiClient console, string provider) =>
        provider == "stripe" ? system.PaidStripeTopUpAsync(console, "20.00") : system.PaidPayerMaxTopUpAsync(console, "10.00");
}
