using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using Stripe.Checkout;
using Xunit;

namespace Shop.Tests;

public sealed class CheckoutTests
{
    [Fact]
    public async Task A_paid_checkout_reaches_the_shop_as_a_signed_webhook()
    {
        await using var shop = await ShopFactory.StartAsync();
        var client = shop.CreateClient();

        var opened = await (await client.PostAsync("/checkout?amount=1500", null)).Content.ReadFromJsonAsync<Opened>();
        (await shop.Simulator.PostAsJsonAsync($"/_simulator/stripe/sessions/{opened!.Id}/complete", new { method = "card" })).EnsureSuccessStatusCode();
        await shop.RunDueAsync();

        Assert.StartsWith("cs_test_", opened.Id, StringComparison.Ordinal);
        Assert.Equal([opened.Id], await client.GetFromJsonAsync<string[]>("/paid") ?? []);
    }

    [Fact]
    public async Task A_checkout_left_unpaid_expires_when_the_test_clock_passes_a_day()
    {
        await using var shop = await ShopFactory.StartAsync();
        var client = shop.CreateClient();
        var opened = await (await client.PostAsync("/checkout?amount=1500", null)).Content.ReadFromJsonAsync<Opened>();

        shop.Clock.Advance(TimeSpan.FromHours(24));
        await shop.RunDueAsync();

        var session = await new SessionService(shop.Services.GetRequiredService<IStripeClient>()).GetAsync(opened!.Id);
        Assert.Equal("expired", session.Status);
        Assert.Equal([opened.Id], await client.GetFromJsonAsync<string[]>("/expired") ?? []);
        Assert.Empty(await client.GetFromJsonAsync<string[]>("/paid") ?? []);
    }

    private sealed record Opened(string Id, string Url);
}
