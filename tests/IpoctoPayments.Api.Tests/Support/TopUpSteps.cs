using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>The steps the tests repeat: open a top-up, pay or fail it on the simulator, read what the console shows.</summary>
internal static class TopUpSteps
{
    public const string ReturnUrl = "https://console.ipocto.test/topups";

    public static object StripeCard(string amount = "20.00") => Request("stripe", "US", "card", amount);

    public static object PayerMaxGcash(string amount = "10.00") => Request("payermax", "PH", "gcash", amount);

    /// <summary>The console's "Balance Top-up" request: an amount in the balance currency through a provider's method.</summary>
    public static object Request(string provider, string country, string paymentMethod, string amount) => new
    {
        amount = new { amount, currency = "USD" },
        provider,
        country,
        paymentMethod,
        returnUrl = ReturnUrl,
    };

    /// <summary>Creates a top-up and asserts it was created; returns the console's view of it.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient console, object request, string? idempotencyKey = null)
    {
        var response = await PostCreateAsync(console, request, idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> PostCreateAsync(HttpClient console, object request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topups") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await console.SendAsync(message);
    }

    public static string Id(this JsonElement topUp) => topUp.GetProperty("id").GetString()!;

    public static string Status(this JsonElement topUp) => topUp.GetProperty("status").GetString()!;

    public static string OrderNumber(this JsonElement topUp) => topUp.GetProperty("orderNumber").GetString()!;

    /// <summary>The Stripe Checkout Session behind a top-up: the last segment of its payment page.</summary>
    public static string SessionId(this JsonElement topUp) => new Uri(topUp.GetProperty("paymentUrl").GetString()!).Segments[^1];

    /// <summary>PayerMax's outTradeNo for a top-up: its id without dashes.</summary>
    public static string OutTradeNo(this JsonElement topUp) => Guid.Parse(topUp.Id()).ToString("N");

    public static async Task<JsonElement> StripeTopUpAsync(this PaymentsSystem system, HttpClient console, string amount = "20.00") =>
        await CreateAsync(console, StripeCard(amount));

    /// <summary>A Stripe top-up paid with the 4242 card and its webhooks delivered.</summary>
    public static async Task<JsonElement> PaidStripeTopUpAsync(this PaymentsSystem system, HttpClient console, string amount = "20.00")
    {
        var topUp = await CreateAsync(console, StripeCard(amount));
        await system.PayStripeAsync(topUp);
        return await GetTopUpAsync(console, topUp.Id());
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
    public static async Task<JsonElement> PaidPayerMaxTopUpAsync(this PaymentsSystem system, HttpClient console, string amount = "10.00")
    {
        var topUp = await CreateAsync(console, PayerMaxGcash(amount));
        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });
        await system.DeliverWebhooksAsync();
        return await GetTopUpAsync(console, topUp.Id());
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

    public static async Task<JsonElement> GetTopUpAsync(HttpClient console, string id) =>
        await console.GetFromJsonAsync<JsonElement>($"/api/v1/topups/{id}");

    public static async Task<string> BalanceAsync(HttpClient console) =>
        (await console.GetFromJsonAsync<JsonElement>("/api/v1/balance")).GetProperty("available").GetProperty("amount").GetString()!;

    public static async Task<JsonElement[]> LedgerAsync(HttpClient console) =>
        [.. (await console.GetFromJsonAsync<JsonElement>("/api/v1/ledger")).GetProperty("items").EnumerateArray()];

    public static async Task<JsonElement[]> ListTopUpsAsync(HttpClient console) =>
        [.. (await console.GetFromJsonAsync<JsonElement>("/api/v1/topups")).GetProperty("items").EnumerateArray()];

    public static async Task<JsonElement> TimelineAsync(this PaymentsSystem system, string orderNumber) =>
        await system.Support().GetFromJsonAsync<JsonElement>($"/api/v1/support/orders/{orderNumber}");

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details answer with this status and code; returns it for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await ReadProblemAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
