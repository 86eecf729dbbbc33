using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>
/// Refunds, full and partial, made by ipocto's staff (admin): the balance is debited at once, the refund is sent to the
/// provider afterwards (again and again while the provider cannot be reached) and confirmed by it.
/// </summary>
[Binding]
public sealed class RefundSteps(PaymentsWorld world, TopUpSteps topUp)
{
    // Stripe fails this many calls: more than ipocto makes in any scenario, so it is down until the scenario says it is back.
    private const int StripeOutageCalls = 100_000;

    private HttpResponseMessage? refused;
    private bool answerLost;

    [Given("the customer has topped up {word} {word} by card through Stripe")]
    public async Task GivenAToppedUpBalance(string amount, string currency)
    {
        await topUp.WhenTheCustomerStartsATopUp(amount, currency, "Stripe");
        await topUp.WhenTheCustomerPaysByCard("4242 4242 4242 4242", "12/34", "123");
        topUp.ThenTheCustomerIsBackAtIpocto();
        await topUp.ThenTheBalanceIs(amount, currency);
    }

    [Given("the customer, now in Saudi Arabia, has also topped up {word} {word} by Mada card through PayerMax")]
    public async Task GivenAPayerMaxTopUpInSaudiArabia(string amount, string currency)
    {
        var before = await world.BalanceAsync();
        topUp.GivenTheCustomerMoves("Saudi Arabia");
        await topUp.WhenTheCustomerStartsATopUpWith(amount, currency, "PayerMax", "card");
        await topUp.WhenTheCustomerChooses("Card");
        await topUp.WhenTheCustomerPaysByCard("5297 4125 4200 5689", "12/34", "123");
        topUp.ThenTheCustomerIsBackAtIpocto();
        var balance = decimal.Parse(before.Split(' ')[0], CultureInfo.InvariantCulture) + decimal.Parse(amount, CultureInfo.InvariantCulture);
        await topUp.ThenTheBalanceIs(balance.ToString("0.00", CultureInfo.InvariantCulture), currency);
    }

    [When("ipocto refunds the whole top-up")]
    public async Task WhenTheWholeTopUpIsRefunded() => (await RefundAsync(null)).EnsureSuccessStatusCode();

    [When("ipocto refunds {word} {word} of the top-up")]
    public async Task WhenPartIsRefunded(string amount, string currency)
    {
        var response = await RefundAsync(new { amount = new { amount, currency } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [When("ipocto tries to refund {word} {word} of the top-up")]
    public async Task WhenTooMuchIsRefunded(string amount, string currency) =>
        refused = await RefundAsync(new { amount = new { amount, currency } });

    [When("ipocto tries to refund the whole top-up")]
    public async Task WhenTheWholeTopUpIsTried() => refused = await RefundAsync(null);

    [When("the payment partner confirms the refund")]
    [When("the payment partner confirms the refunds")]
    public Task WhenTheProviderConfirms() => world.System.AdvanceAsync(TimeSpan.FromSeconds(30));

    [When("the payment partner turns the refund down")]
    public async Task WhenTheProviderTurnsTheRefundDown()
    {
        // PayerMax's sandbox turns down a refund of 102 (in any currency) about a minute after it is made.
        var order = await world.RefreshOrderAsync();
        var refund = Assert.Single(order.GetProperty("refunds").EnumerateArray(), r => r.GetProperty("status").GetString() == "pending");
        Assert.Equal("payermax", order.GetProperty("provider").GetString());
        Assert.Equal("102.00", refund.GetProperty("charge").GetProperty("amount").GetString());
        await world.System.AdvanceAsync(TimeSpan.FromMinutes(2));
    }

    [Then("the refund is refused because it is more than is left")]
    public async Task ThenTheRefundIsRefused()
    {
        Assert.False(refused!.IsSuccessStatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("exceed", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Then("the refund is refused because the balance no longer holds it")]
    public async Task ThenTheRefundIsRefusedForTheBalance()
    {
        var body = await refused!.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)refused.StatusCode}: {body}");
        Assert.Equal("insufficient_balance", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    [Then(@"^the order shows the refund of (\S+) (\w{3}) as (pending|confirmed|failed)$")]
    public async Task ThenTheRefundShowsAs(string amount, string currency, string status)
    {
        var order = await world.RefreshOrderAsync();
        var refunds = order.GetProperty("refunds").EnumerateArray().Where(r => PaymentsWorld.Written(r.GetProperty("amount")) == $"{amount} {currency}").ToList();
        var refund = Assert.Single(refunds);
        Assert.Equal(status == "confirmed" ? "succeeded" : status, refund.GetProperty("status").GetString());
    }

    [Given("Stripe cannot be reached for a while")]
    public Task GivenStripeIsDown() => world.SetGlobalFaultAsync(new { stripe = new { failNextCalls = StripeOutageCalls } });

    [When("{int} minutes pass and Stripe still cannot be reached")]
    public async Task WhenTimePassesWhileStripeIsDown(int minutes)
    {
        var callsBefore = await StripeCallsRefusedAsync();

        // Minute by minute, so that ipocto's dispatcher gets every chance to try (and fail) while Stripe is down.
        for (var minute = 0; minute < minutes; minute++)
        {
            await world.System.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.True(await StripeCallsRefusedAsync() > callsBefore, "ipocto did not try to send the refund again while Stripe was down.");
    }

    [Given("Stripe's answer to the next call will be lost")]
    public async Task GivenStripesNextAnswerIsLost()
    {
        // Stripe does what it is asked, but its answer never arrives: ipocto gives up waiting and asks again.
        await world.SetGlobalFaultAsync(new { stripe = new { failNextCalls = 1, mode = "Timeout" } });
        answerLost = true;
    }

    [Then("Stripe has not refunded the customer's payment yet")]
    public async Task ThenStripeHasNoRefund() => Assert.Empty(await StripeRefundsAsync());

    [When("Stripe can be reached again")]
    public Task WhenStripeIsBack() => world.ClearFaultsAsync();

    [Then("ipocto sends the refund to Stripe again within the hour")]
    public async Task ThenTheRefundIsSentAgain()
    {
        for (var minute = 0; minute < 60 && (await StripeRefundsAsync()).Count == 0; minute++)
        {
            await world.System.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Single(await StripeRefundsAsync());
    }

    [Then("Stripe has refunded {word} {word} of the customer's payment, once")]
    public async Task ThenStripeRefundedOnce(string amount, string currency)
    {
        var refund = Assert.Single(await StripeRefundsAsync());
        Assert.Equal(currency.ToLowerInvariant(), refund.GetProperty("currency").GetString());
        Assert.Equal(MinorUnits(amount), refund.GetProperty("amount").GetInt64());
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
    }

    [Then("the balance history shows the refund of {word} {word} once")]
    public async Task ThenTheBalanceWentDownOnce(string amount, string currency)
    {
        var lines = (await world.BalanceHistoryAsync())
            .Where(l => l.GetProperty("kind").GetString() is "refund_debit" or "refund_reversal")
            .ToList();
        var line = Assert.Single(lines);
        Assert.Equal("refund_debit", line.GetProperty("kind").GetString());
        Assert.Equal($"-{amount} {currency}", PaymentsWorld.Written(line.GetProperty("amount")));
    }

    [Then("nothing is left to refund on the order")]
    public Task ThenNothingIsLeft() => ThenLeftToRefund("0.00", "USD");

    [Then("{word} {word} is left to refund on the order")]
    public async Task ThenLeftToRefund(string amount, string currency)
    {
        var order = await world.RefreshOrderAsync();
        var refundable = order.GetProperty("refundable");
        Assert.Equal($"{amount} {currency}", $"{refundable.GetProperty("amount").GetString()} {refundable.GetProperty("currency").GetString()}");
    }

    /// <summary>The refunds Stripe holds for this top-up's payment, as its own records show them.</summary>
    private async Task<List<JsonElement>> StripeRefundsAsync()
    {
        var refunds = await world.System.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds");
        return [.. refunds.EnumerateArray().Where(r =>
            r.GetProperty("metadata").TryGetProperty("topup_id", out var topUp) && topUp.GetString() == world.OrderId)];
    }

    /// <summary>
    /// Moves the shared clock a second at a time until <paramref name="work"/> ends: ipocto's wait for a lost answer, and
    /// the simulator's hold on it, run on that clock. The clock stays put until Stripe has taken the call whose answer is
    /// lost, so that ipocto's wait cannot run out before the call even reached Stripe; the short real waits only let the
    /// work reach its next wait.
    /// </summary>
    private async Task DriveClockUntilDoneAsync(Task work)
    {
        var seconds = 0;
        for (var step = 0; step < 1200 && seconds < 300 && !work.IsCompleted; step++)
        {
            if (await StripeAnswersLeftToLoseAsync() == 0)
            {
                world.System.Clock.Advance(TimeSpan.FromSeconds(1));
                seconds++;
            }

            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        Assert.True(work.IsCompleted, "Sending the refund did not end within 5 minutes on the test clock.");
        await work;
        Assert.Equal(0, await StripeAnswersLeftToLoseAsync());
    }

    private async Task<int> StripeAnswersLeftToLoseAsync()
    {
        var faults = await world.System.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/faults");
        return faults.GetProperty("global").TryGetProperty("stripe", out var stripe) && stripe.ValueKind == JsonValueKind.Object
            ? stripe.GetProperty("failNextCalls").GetInt32()
            : 0;
    }

    /// <summary>How many calls Stripe has refused since it went down.</summary>
    private async Task<int> StripeCallsRefusedAsync()
    {
        var faults = await world.System.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/faults");
        var left = faults.GetProperty("global").GetProperty("stripe").GetProperty("failNextCalls").GetInt32();
        Assert.True(left > 0, "Stripe is reachable again already.");
        return StripeOutageCalls - left;
    }

    private static long MinorUnits(string amount) =>
        (long)(decimal.Parse(amount, CultureInfo.InvariantCulture) * 100);

    private async Task<HttpResponseMessage> RefundAsync(object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/topups/{world.OrderId}/refunds")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await world.System.Admin().SendAsync(request);
        await (answerLost ? DriveClockUntilDoneAsync(world.System.DeliverWebhooksAsync()) : world.System.DeliverWebhooksAsync());
        return response;
    }
}
