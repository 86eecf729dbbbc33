using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Testing;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>
/// Disputes of Stripe top-ups, made with Stripe's dispute test cards: the simulator opens the dispute right after the
/// payment, and its webhook faults hold the dispute's messages back (a dispute days later) or the payment's own (a
/// dispute that overtakes them). ipocto answers with Stripe's magic evidence texts, as a merchant would.
/// </summary>
[Binding]
public sealed class DisputeSteps(PaymentsWorld world, TopUpSteps topUp)
{
    // Stripe's test cards: paid, then disputed as fraudulent; paid, then only asked about (an inquiry).
    private const string DisputedCard = "4000 0000 0000 0259";
    private const string InquiryCard = "4000 0000 0000 1976";

    // The messages Stripe sends about a payment that succeeded, and about a chargeback that took its money back.
    private static readonly string[] PaymentMessages = ["checkout.session.completed", "payment_intent.succeeded"];
    private static readonly string[] DisputeMessages = ["charge.dispute.created", "charge.dispute.funds_withdrawn"];

    private TimeSpan disputeDelay;
    private TimeSpan paymentDelay;

    // The Stripe Checkout Session of the last top-up paid here: the key the simulator files its webhooks under.
    private string session = "";

    [Given(@"^the customer has also topped up (\S+) (\w{3}) with a card whose holder disputes the payment (\d+) days later$")]
    public async Task GivenATopUpDisputedLater(string amount, string currency, int days)
    {
        disputeDelay = TimeSpan.FromDays(days);
        var before = await world.BalanceAsync();
        await PayAsync(amount, currency, DisputedCard, DisputeMessages, disputeDelay);
        await topUp.ThenTheBalanceIs(Plus(before, amount), currency);
    }

    [Given(@"^the customer has also topped up (\S+) (\w{3}) with a card whose holder's bank asks about the payment$")]
    public Task GivenATopUpAskedAbout(string amount, string currency) => PayAsync(amount, currency, InquiryCard, [], TimeSpan.Zero);

    [When(@"^the customer tops up (\S+) (\w{3}) with a card whose holder disputes the payment at once$")]
    public Task WhenTheCustomerPaysWithADisputedCard(string amount, string currency) =>
        PayAsync(amount, currency, DisputedCard, PaymentMessages, paymentDelay);

    [When(@"^the customer tops up (\S+) (\w{3}) by card through Stripe$")]
    public Task WhenTheCustomerTopsUp(string amount, string currency) => PayAsync(amount, currency, "4242 4242 4242 4242", [], TimeSpan.Zero);

    [Given("Stripe's word that the customer's next payment succeeded is held up for {int} minutes")]
    public void GivenThePaymentMessagesAreLate(int minutes) => paymentDelay = TimeSpan.FromMinutes(minutes);

    [When("{int} days pass and the cardholder's bank disputes the payment")]
    public async Task WhenTheBankDisputesLater(int days)
    {
        Assert.Equal(disputeDelay, TimeSpan.FromDays(days));
        await world.System.AdvanceAsync(disputeDelay);
    }

    [When("{int} minutes pass and Stripe's word that the payment succeeded arrives")]
    public async Task WhenThePaymentMessagesArrive(int minutes)
    {
        Assert.Equal(paymentDelay, TimeSpan.FromMinutes(minutes));
        await world.System.AdvanceAsync(paymentDelay);
    }

    [Then("ipocto asks Stripe to send the dispute again, as it does not know the payment as paid yet")]
    public async Task ThenTheDisputeIsSentBack()
    {
        foreach (var type in DisputeMessages)
        {
            var delivery = await DeliveryAsync(type);
            var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
            Assert.Equal(409, attempt.GetProperty("statusCode").GetInt32());
            Assert.Contains("payment_not_yet_known", attempt.GetProperty("responseBody").GetString(), StringComparison.Ordinal);
            Assert.Equal("Retrying", delivery.GetProperty("status").GetString());
        }
    }

    [When("Stripe sends the dispute again")]
    public async Task WhenStripeSendsTheDisputeAgain()
    {
        // Stripe retries on its own backoff (1, 5, 30 minutes...); within the hour ipocto waits for a payment to be known.
        for (var minute = 0; minute < 60 && !await DisputeAcknowledgedAsync(); minute++)
        {
            await world.System.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.True(await DisputeAcknowledgedAsync(), "Stripe's dispute messages were not acknowledged within the hour.");
    }

    [When("Stripe sends its message that the payment is disputed twice more")]
    public async Task WhenStripeResendsTheDispute()
    {
        // As Stripe's dashboard "Resend" does: the same event, with the same id and body.
        var delivery = await DeliveryAsync(DisputeMessages[0]);
        for (var time = 0; time < 2; time++)
        {
            (await world.System.Simulator.PostAsync($"/_simulator/deliveries/{delivery.GetProperty("id").GetString()}/redeliver", null)).EnsureSuccessStatusCode();
            await world.System.DeliverWebhooksAsync();
        }
    }

    [Then("ipocto acknowledges the message all three times")]
    public async Task ThenEachSendingIsAcknowledged()
    {
        var attempts = (await DeliveryAsync(DisputeMessages[0])).GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(200, a.GetProperty("statusCode").GetInt32()));
    }

    [When("ipocto answers the dispute with evidence that the bank accepts")]
    public Task WhenIpoctoAnswersToWin() => AnswerAsync("winning_evidence");

    [When("ipocto answers the dispute with evidence that the bank turns down")]
    public Task WhenIpoctoAnswersToLose() => AnswerAsync("losing_evidence");

    [When("the bank decides the dispute {int} minutes later")]
    public Task WhenTheBankDecides(int minutes) => world.System.AdvanceAsync(TimeSpan.FromMinutes(minutes));

    [Then(@"^the order shows a dispute of (\S+) (\w{3}) for ""(.+)"", waiting for ipocto's answer until (\d+) days after the payment$")]
    public async Task ThenTheOrderShowsAnOpenDispute(string amount, string currency, string reason, int days)
    {
        var order = await world.RefreshOrderAsync();
        var dispute = Assert.Single(order.GetProperty("disputes").EnumerateArray());
        Assert.Equal($"{amount} {currency}", PaymentsWorld.Written(dispute.GetProperty("amount")));
        Assert.Equal(reason, dispute.GetProperty("reason").GetString());
        Assert.False(dispute.GetProperty("inquiry").GetBoolean());
        Assert.Equal("needs_response", dispute.GetProperty("status").GetString());
        var paidAt = order.GetProperty("paidAt").GetDateTimeOffset();
        var respondBy = dispute.GetProperty("respondBy").GetDateTimeOffset();
        // Stripe gives the deadline in whole seconds.
        Assert.InRange(respondBy - paidAt.AddDays(days), TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Then("the order shows a question from the bank about {word} {word}")]
    public async Task ThenTheOrderShowsAnInquiry(string amount, string currency)
    {
        var dispute = await TheDisputeAsync();
        Assert.True(dispute.GetProperty("inquiry").GetBoolean(), $"The dispute is not an inquiry: {dispute}");
        Assert.Equal($"{amount} {currency}", PaymentsWorld.Written(dispute.GetProperty("amount")));
        Assert.Equal("needs_response", dispute.GetProperty("status").GetString());
    }

    [Then(@"^the order shows the dispute as (under review|won|lost)$")]
    public async Task ThenTheDisputeIs(string status) =>
        Assert.Equal(status.Replace(' ', '_'), (await TheDisputeAsync()).GetProperty("status").GetString());

    [Then("the order shows one dispute")]
    public Task ThenTheOrderShowsOneDispute() => TheDisputeAsync();

    /// <summary>The order's one dispute, as the console shows it now.</summary>
    private async Task<JsonElement> TheDisputeAsync()
    {
        var order = await world.RefreshOrderAsync();
        return Assert.Single(order.GetProperty("disputes").EnumerateArray());
    }

    [Then("the balance is {word} {word} below zero")]
    public async Task ThenTheBalanceIsBelowZero(string amount, string currency)
    {
        var balance = await BalanceAsync();
        Assert.Equal($"-{amount} {currency}", PaymentsWorld.Written(balance.GetProperty("balance")));
        Assert.Equal($"0.00 {currency}", PaymentsWorld.Written(balance.GetProperty("available")));
    }

    [Then("disputes have taken {word} {word} back from the balance")]
    public async Task ThenDisputesHaveTaken(string amount, string currency) =>
        Assert.Equal($"{amount} {currency}", PaymentsWorld.Written((await BalanceAsync()).GetProperty("disputed")));

    [Then("disputes have taken nothing back from the balance")]
    public Task ThenDisputesHaveTakenNothing() => ThenDisputesHaveTaken("0.00", "USD");

    [Then("the balance tells the customer {string}")]
    public async Task ThenTheBalanceTells(string message)
    {
        var notice = (await BalanceAsync()).GetProperty("notice");
        Assert.True(notice.ValueKind == JsonValueKind.String, "The balance tells the customer nothing.");
        Assert.Contains(message, notice.GetString(), StringComparison.Ordinal);
    }

    [Then("the balance tells the customer nothing")]
    public async Task ThenTheBalanceTellsNothing()
    {
        var balance = await BalanceAsync();
        Assert.True(!balance.TryGetProperty("notice", out var notice) || notice.ValueKind == JsonValueKind.Null, $"The balance has a notice: {balance}");
    }

    [Then("the balance history shows the dispute taking {word} {word} back, once")]
    public async Task ThenTheHistoryShowsTheWithdrawal(string amount, string currency) =>
        Assert.Equal([("dispute_withdrawal", $"-{amount} {currency}")], await DisputeLinesAsync());

    [Then("the balance history shows the dispute taking {word} {word} back and giving it back, once")]
    public async Task ThenTheHistoryShowsTheWithdrawalAndReinstatement(string amount, string currency) =>
        Assert.Equal([("dispute_reinstatement", $"{amount} {currency}"), ("dispute_withdrawal", $"-{amount} {currency}")], await DisputeLinesAsync());

    [Then("the balance history shows no dispute")]
    public async Task ThenTheHistoryShowsNoDispute() => Assert.Empty(await DisputeLinesAsync());

    [Then("support sees in the order's timeline, in this order:")]
    public async Task ThenSupportSeesTheTimeline(Table entries)
    {
        var found = await world.SupportLookupAsync(world.Order.GetProperty("orderNumber").GetString()!);
        var kinds = found.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        LateCaptureSteps.AssertInOrder(kinds, [.. entries.Rows.Select(r => r["entry"].Replace(' ', '_'))]);
    }

    /// <summary>
    /// Starts a Stripe top-up and pays it on Stripe's page with <paramref name="card"/>; Stripe's messages of the given
    /// types about this payment wait <paramref name="delay"/> before they are first sent.
    /// </summary>
    private async Task PayAsync(string amount, string currency, string card, string[] held, TimeSpan delay)
    {
        await topUp.WhenTheCustomerStartsATopUp(amount, currency, "Stripe");
        session = world.Order.SessionId();
        if (held.Length > 0)
        {
            // One webhook fault per scope: the first type on this payment's session, the second on the whole simulator, once.
            await world.SetFaultAsync(session, new { webhooks = new { eventType = held[0], delay, times = 1 } });
            await world.SetGlobalFaultAsync(new { webhooks = new { eventType = held[1], delay, times = 1 } });
        }

        await topUp.WhenTheCustomerPaysByCard(card, "12/34", "123");
        topUp.ThenTheCustomerIsBackAtIpocto();
        await world.System.DeliverWebhooksAsync();
    }

    /// <summary>ipocto's answer to the dispute, sent to Stripe as a merchant sends it (<c>POST /v1/disputes/{id}</c>).</summary>
    private async Task AnswerAsync(string evidence)
    {
        var dispute = await TheDisputeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/disputes/{dispute.GetProperty("providerDisputeId").GetString()}")
        {
            Content = new FormUrlEncodedContent([new("evidence[uncategorized_text]", evidence)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PaymentsSystem.StripeSecretKey);
        (await world.System.Simulator.SendAsync(request)).EnsureSuccessStatusCode();
        await world.System.DeliverWebhooksAsync();
    }

    private async Task<JsonElement> BalanceAsync()
    {
        await world.System.DeliverWebhooksAsync();
        return await world.Console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
    }

    /// <summary>The dispute's lines in the balance history, newest first, each naming the order's dispute.</summary>
    private async Task<List<(string?, string)>> DisputeLinesAsync()
    {
        var lines = (await world.BalanceHistoryAsync())
            .Where(l => l.GetProperty("kind").GetString()!.StartsWith("dispute_", StringComparison.Ordinal))
            .ToList();
        if (lines.Count > 0)
        {
            var dispute = await TheDisputeAsync();
            Assert.All(lines, l => Assert.Equal(dispute.GetProperty("id").GetString(), l.GetProperty("disputeId").GetString()));
            Assert.All(lines, l => Assert.Equal(world.OrderId, l.GetProperty("topUpId").GetString()));
        }

        return [.. lines.Select(l => (l.GetProperty("kind").GetString(), PaymentsWorld.Written(l.GetProperty("amount"))))];
    }

    /// <summary>The simulator's one delivery to ipocto of the current order's Stripe event of <paramref name="type"/>.</summary>
    private async Task<JsonElement> DeliveryAsync(string type)
    {
        var deliveries = await world.System.Simulator.GetFromJsonAsync<JsonElement>(
            $"/_simulator/deliveries?provider=stripe&target={session}&eventType={type}");
        return Assert.Single(deliveries.EnumerateArray());
    }

    private async Task<bool> DisputeAcknowledgedAsync()
    {
        foreach (var type in DisputeMessages)
        {
            if ((await DeliveryAsync(type)).GetProperty("status").GetString() != "Delivered")
            {
                return false;
            }
        }

        return true;
    }

    private static string Plus(string balance, string amount) =>
        (decimal.Parse(balance.Split(' ')[0], CultureInfo.InvariantCulture) + decimal.Parse(amount, CultureInfo.InvariantCulture))
            .ToString("0.00", CultureInfo.InvariantCulture);
}
