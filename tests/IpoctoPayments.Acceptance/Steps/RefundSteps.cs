using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>Refunds, full and partial, made by ipocto's staff (admin) and confirmed by the provider.</summary>
[Binding]
public sealed class RefundSteps(PaymentsWorld world, TopUpSteps topUp)
{
    private HttpResponseMessage? refused;

    [Given("the customer has topped up {word} {word} by card through Stripe")]
    public async Task GivenAToppedUpBalance(string amount, string currency)
    {
        await topUp.WhenTheCustomerStartsATopUp(amount, currency, "Stripe");
        await topUp.WhenTheCustomerPaysByCard("4242 4242 4242 4242", "12/34", "123");
        topUp.ThenTheCustomerIsBackAtIpocto();
        await topUp.ThenTheBalanceIs(amount, currency);
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

    [When("the payment partner confirms the refund")]
    [When("the payment partner confirms the refunds")]
    public Task WhenTheProviderConfirms() => world.System.AdvanceAsync(TimeSpan.FromSeconds(30));

    [Then("the refund is refused because it is more than is left")]
    public async Task ThenTheRefundIsRefused()
    {
        Assert.False(refused!.IsSuccessStatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("exceed", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
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

    private async Task<HttpResponseMessage> RefundAsync(object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/topups/{world.OrderId}/refunds")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await world.System.Admin().SendAsync(request);
        await world.System.DeliverWebhooksAsync();
        return response;
    }
}
