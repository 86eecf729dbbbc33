using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Testing;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>
/// Spending the balance: ipocto's billing charges the customer's balance for what they bought (a debit with the purchase
/// as its reference), sends a charge again with the same key, and cancels a charge (its reversal).
/// </summary>
[Binding]
public sealed class SpendingSteps(PaymentsWorld world)
{
    // What the ledger calls each movement, in the features' words.
    private static readonly Dictionary<string, string> Movements = new(StringComparer.Ordinal)
    {
        ["top_up_credit"] = "top-up",
        ["refund_debit"] = "refund",
        ["refund_reversal"] = "refund given back",
        ["billing_debit"] = "charge for",
        ["billing_debit_reversal"] = "cancelled charge for",
    };

    private readonly List<HttpResponseMessage> answers = [];
    private string key = "";
    private object? charge;
    private JsonElement taken;
    private JsonElement cancelled;

    [Given("ipocto's billing has charged the customer {word} {word} for {string}")]
    [When("ipocto's billing charges the customer {word} {word} for {string}")]
    public async Task WhenBillingCharges(string amount, string currency, string purchase)
    {
        await WhenBillingTriesToCharge(amount, currency, purchase);
        await ThenTheChargeIs("taken");
    }

    [When("ipocto's billing tries to charge the customer {word} {word} for {string}")]
    public Task WhenBillingTriesToCharge(string amount, string currency, string purchase)
    {
        // Billing names each charge (an invoice line) by its key, so that sending it again cannot charge twice.
        key = $"charge-{Guid.NewGuid():N}";
        charge = new { amount = new { amount, currency }, reference = purchase };
        return SendChargeAsync();
    }

    [When("a minute later ipocto's billing sends the same charge again")]
    public async Task WhenBillingSendsTheChargeAgain()
    {
        // As billing does when it never saw the answer to the first sending: the same charge, with the same key.
        await world.System.AdvanceAsync(TimeSpan.FromMinutes(1));
        await SendChargeAsync();
    }

    [Then(@"^the charge is (taken|refused)$")]
    public async Task ThenTheChargeIs(string outcome)
    {
        var answer = answers[^1];
        var body = await answer.Content.ReadAsStringAsync();
        if (outcome == "refused")
        {
            Assert.True(answer.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)answer.StatusCode}: {body}");
            Assert.Equal("insufficient_balance", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            return;
        }

        Assert.True(answer.StatusCode == HttpStatusCode.Created, $"The charge was not taken: {(int)answer.StatusCode} {body}");
        taken = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("posted", taken.GetProperty("status").GetString());
    }

    [Then(@"^the charge is taken, leaving (\S+) (\w{3})$")]
    public async Task ThenTheChargeIsTakenLeaving(string amount, string currency)
    {
        await ThenTheChargeIs("taken");
        Assert.Equal($"{amount} {currency}", PaymentsWorld.Written(taken.GetProperty("balance")));
    }

    [Then("the charge is refused because the balance is too low")]
    public Task ThenTheChargeIsRefused() => ThenTheChargeIs("refused");

    [Then("the charge is refused because the balance is below zero")]
    public async Task ThenTheChargeIsRefusedBelowZero()
    {
        await ThenTheChargeIs("refused");
        var problem = JsonDocument.Parse(await answers[^1].Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("disputed top-up", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Then("billing is told it is the charge already taken")]
    public async Task ThenBillingGetsTheFirstCharge()
    {
        Assert.Equal(2, answers.Count);
        var again = answers[^1];
        var body = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == HttpStatusCode.Created, $"{(int)again.StatusCode}: {body}");
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(taken.GetRawText(), JsonDocument.Parse(body).RootElement.GetRawText());
    }

    [When("ipocto's billing cancels the charge")]
    [When("ipocto's billing cancels the charge again")]
    public async Task WhenBillingCancelsTheCharge()
    {
        using var response = await world.Billing.PostAsync($"{ChargeAddress()}/reversal", content: null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The charge was not cancelled: {(int)response.StatusCode} {body}");
        cancelled = JsonDocument.Parse(body).RootElement.Clone();
    }

    [Then("the charge shows as cancelled")]
    public async Task ThenTheChargeShowsAsCancelled()
    {
        Assert.Equal("reversed", cancelled.GetProperty("status").GetString());
        var now = await world.Billing.GetFromJsonAsync<JsonElement>(ChargeAddress());
        Assert.Equal("reversed", now.GetProperty("status").GetString());
    }

    [Then("the balance history shows a charge of {word} {word} for {string}")]
    [Then("the balance history shows one charge of {word} {word} for {string}")]
    public async Task ThenTheHistoryShowsTheCharge(string amount, string currency, string purchase)
    {
        var line = Assert.Single(await LinesForAsync(purchase));
        Assert.Equal("billing_debit", line.GetProperty("kind").GetString());
        Assert.Equal($"-{amount} {currency}", PaymentsWorld.Written(line.GetProperty("amount")));
    }

    [Then("the balance history shows no charge for {string}")]
    public async Task ThenTheHistoryShowsNoCharge(string purchase) => Assert.Empty(await LinesForAsync(purchase));

    [Then("the balance history shows the charge of {word} {word} for {string} and its cancellation")]
    public async Task ThenTheHistoryShowsTheChargeAndItsCancellation(string amount, string currency, string purchase)
    {
        var lines = await LinesForAsync(purchase);
        Assert.Equal("billing_debit_reversal, billing_debit", string.Join(", ", lines.Select(l => l.GetProperty("kind").GetString())));
        Assert.Equal($"{amount} {currency}, -{amount} {currency}", string.Join(", ", lines.Select(l => PaymentsWorld.Written(l.GetProperty("amount")))));
        Assert.All(lines, l => Assert.Equal(taken.GetProperty("id").GetString(), l.GetProperty("debitId").GetString()));
    }

    [Then("the balance history shows, newest first:")]
    public async Task ThenTheHistoryShows(Table expected)
    {
        var shown = (await world.BalanceHistoryAsync()).Select(line => (Movement(line), PaymentsWorld.Written(line.GetProperty("amount")))).ToList();
        Assert.Equal(expected.Rows.Select(row => (row["movement"], row["amount"])), shown);
    }

    /// <summary>A line of the balance history in the features' words: "top-up", or "charge for "Static IP, March"".</summary>
    private static string Movement(JsonElement line)
    {
        var kind = line.GetProperty("kind").GetString()!;
        var movement = Movements.GetValueOrDefault(kind, kind);
        return line.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String
            ? $"{movement} \"{reference.GetString()}\""
            : movement;
    }

    private async Task<List<JsonElement>> LinesForAsync(string purchase) =>
        [.. (await world.BalanceHistoryAsync()).Where(l => l.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() == purchase)];

    private string ChargeAddress() => $"{PaymentsApiClient.DebitsPath(world.AccountId)}/{taken.GetProperty("id").GetString()}";

    private async Task SendChargeAsync()
    {
        var response = await world.Billing.PostDebitAsync(world.AccountId, JsonSerializer.Serialize(charge), key);
        await response.Content.LoadIntoBufferAsync();
        answers.Add(response);
    }
}
