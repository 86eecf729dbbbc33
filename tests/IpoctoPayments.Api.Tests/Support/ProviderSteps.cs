using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>What the customer does at the provider, told to the simulator: pay, decline, fail; and its faults.</summary>
internal static class ProviderSteps
{
    public static async Task<JsonElement> StripeTopUpAsync(this PaymentsSystem system, PaymentsApiClient console, string amount = "20.00") =>
        await console.CreateTopUpAsync(TopUpRequest.StripeCard(amount));

    /// <summary>A Stripe top-up paid with the 4242 card and its webhooks delivered.</summary>
    public static async Task<JsonElement> PaidStripeTopUpAsync(this PaymentsSystem system, PaymentsApiClient console, string amount = "20.00")
    {
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard(amount));
        await system.PayStripeAsync(topUp);
        return await console.TopUpAsync(topUp.Id());
    }

    /// <summary>The customer pays the top-up's Checkout Session with the 4242 card; its webhooks are delivered.</summary>
    public static async Task PayStripeAsync(this PaymentsSystem system, JsonElement topUp)
    {
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card", cardNumber = "4242424242424242" });
        await system.DeliverWebhooksAsync();
    }

    /// <summary>The customer's card is declined with a Stripe decline code; the session stays open; webhooks delivered.</summary>
    public static async Task DeclineStripeAsync(this PaymentsSystem system, JsonElement topUp, string declineCode)
    {
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/decline", new { declineCode });
        await system.DeliverWebhooksAsync();
    }

    /// <summary>A PayerMax GCash top-up completed in the wallet and its notification delivered.</summary>
    public static async Task<JsonElement> PaidPayerMaxTopUpAsync(this PaymentsSystem system, PaymentsApiClient console, string amount = "10.00")
    {
        var topUp = await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash(amount));
        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });
        await system.DeliverWebhooksAsync();
        return await console.TopUpAsync(topUp.Id());
    }

    /// <summary>Calls the simulator's control API and asserts it accepted the call.</summary>
    public static async Task<JsonElement> SimulatorPostAsync(this PaymentsSystem system, string path, object? body = null)
    {
        var response = body is null ? await system.Simulator.PostAsync(path, null) : await system.Simulator.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task SetFaultsAsync(this PaymentsSystem system, object faults, string? target = null)
    {
        var response = await system.Simulator.PutAsJsonAsync(target is null ? "/_simulator/faults" : $"/_simulator/faults/{target}", faults);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The order's timeline as support looks it up.</summary>
    public static Task<JsonElement> TimelineAsync(this PaymentsSystem system, string orderNumber) => system.Support().SupportOrderAsync(orderNumber);
}
