using System.Text.Json;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"The amount was deducted, but the order shows as failed": a bank-synchronisation delay at the provider.</summary>
[Binding]
public sealed class LateCaptureSteps(PaymentsWorld world)
{
    private TimeSpan delay;

    [Given("the customer's bank takes {int} minutes to confirm payments")]
    public async Task GivenTheBankIsSlow(int minutes)
    {
        delay = TimeSpan.FromMinutes(minutes);
        await world.SetGlobalFaultAsync(new { bankSyncDelay = delay });
    }

    [When("{int} minutes pass and the bank confirms that the amount was deducted")]
    public async Task WhenTheBankConfirmsLater(int minutes)
    {
        Assert.Equal(delay, TimeSpan.FromMinutes(minutes));
        await world.System.AdvanceAsync(delay);
        await world.System.DeliverWebhooksAsync();
    }

    [Then("the deducted amount is refunded to the customer automatically")]
    public async Task ThenTheAmountIsRefunded()
    {
        var order = await world.RefreshOrderAsync();
        var refunds = order.GetProperty("refunds").EnumerateArray().ToList();
        var refund = Assert.Single(refunds);
        Assert.True(refund.GetProperty("forLateCapture").GetBoolean(), $"The refund is not for the late capture: {order}");
        Assert.Equal(order.GetProperty("charge").GetProperty("amount").GetString(), refund.GetProperty("charge").GetProperty("amount").GetString());
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
    }

    [Then("the customer is told {string}")]
    public async Task ThenTheCustomerIsTold(string message)
    {
        var order = await world.RefreshOrderAsync();
        Assert.True(order.TryGetProperty("notice", out var notice) && notice.ValueKind == JsonValueKind.String, $"The order tells the customer nothing: {order}");
        Assert.Contains(message, notice.GetString(), StringComparison.Ordinal);
    }

    [Then("support finds in the order's timeline that the payment failed, was captured late and refunded")]
    public async Task ThenSupportSeesItAll()
    {
        var found = await world.SupportLookupAsync(world.Order.GetProperty("orderNumber").GetString()!);
        var kinds = found.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        AssertInOrder(kinds, "failed", "late_capture", "refund_requested", "refund_confirmed");
    }

    internal static void AssertInOrder(IReadOnlyList<string?> kinds, params string[] expected)
    {
        var at = 0;
        foreach (var kind in expected)
        {
            var found = kinds.Skip(at).ToList().IndexOf(kind);
            Assert.True(found >= 0, $"The timeline has no \"{kind}\" after entry {at}: {string.Join(", ", kinds)}");
            at += found + 1;
        }
    }
}
