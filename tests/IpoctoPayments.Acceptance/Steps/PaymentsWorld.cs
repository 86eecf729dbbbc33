using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>
/// One scenario's world, shared by every binding through context injection: the real payment system (API, simulator,
/// a SQLite database of its own), the customer's account and country, the current order and the page in the browser.
/// </summary>
public sealed class PaymentsWorld : IAsyncDisposable
{
    // Rates for the local currencies the scenarios pay in, besides those PaymentsSystem sets; and ipocto's own top-up
    // limits as they ship, which PaymentsSystem lifts for tests that are not about them.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["TopUps:Limits:MinimumPerTopUp"] = "1.00",
        ["TopUps:Limits:MaximumPerTopUp"] = "10000.00",
        ["TopUps:Limits:MaximumPerDay"] = "20000.00",
        ["ExchangeRates:Rates:USD:TWD"] = "32.50",
        ["ExchangeRates:Rates:USD:AED"] = "3.6725",
        ["ExchangeRates:Rates:USD:SAR"] = "3.75",
        ["ExchangeRates:Rates:USD:BRL"] = "5.60",
        ["ExchangeRates:Rates:USD:KWD"] = "0.307",
        ["ExchangeRates:Rates:USD:EGP"] = "48.50",
        ["ExchangeRates:Rates:USD:BHD"] = "0.376",
    };

    private PaymentsSystem? system;

    public PaymentsSystem System => system ?? throw new InvalidOperationException("The payment system has not started: start the scenario with a customer.");

    public TestDatabase Database => System.Database;

    public string AccountId { get; } = $"acc-{Guid.NewGuid():N}"[..16];

    public string Country { get; set; } = "US";

    public PaymentsApiClient Console => System.Console(AccountId);

    /// <summary>ipocto's billing, which spends the customer's balance on what they buy.</summary>
    public PaymentsApiClient Billing => System.Client(TestTokens.For("billing", Scopes.Billing));

    /// <summary>The top-up the customer is paying, as the console last read it.</summary>
    public JsonElement Order { get; set; }

    public string OrderId => Order.Id();

    public HostedPageBrowser Browser { get; private set; } = null!;

    /// <summary>An error the console showed when a top-up could not even start (the provider was unavailable).</summary>
    public (string Code, string Message)? StartError { get; set; }

    /// <summary>The card numbers and CVCs typed in this scenario, which must never be found in ipocto's data.</summary>
    public List<string> CardSecrets { get; } = [];

    /// <summary>The expiry dates typed in this scenario, as typed ("12/34").</summary>
    public List<string> CardExpiries { get; } = [];

    public async Task StartAsync()
    {
        if (system is not null)
        {
            return;
        }

        system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite, Settings);
        Browser = system.Browser();
    }

    /// <summary>Creates a top-up as the console does; the answer is the order, or the problem the console shows.</summary>
    public async Task<HttpResponseMessage> StartTopUpAsync(string amount, string currency, string provider, string? method)
    {
        var response = await Console.PostTopUpAsync(TopUpRequest.For(provider, Country, method, amount, currency));
        if (response.StatusCode == HttpStatusCode.Created)
        {
            Order = await response.Content.ReadFromJsonAsync<JsonElement>();
            StartError = null;
        }
        else
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            StartError = (problem.GetProperty("code").GetString()!, problem.GetProperty("detail").GetString()!);
        }

        return response;
    }

    /// <summary>The console's list of the methods in the customer's country: those offered, and the others with the reason.</summary>
    public Task<JsonElement> PaymentMethodsAsync(string? provider = null) => Console.PaymentMethodsAsync(Country, provider?.ToLowerInvariant());

    /// <summary>Whether a listed method is the one a customer names ("GCash", "card", "E.SUN Bank transfer").</summary>
    public static bool Named(JsonElement method, string name) =>
        method.GetProperty("name").GetString()!.Contains(name, StringComparison.OrdinalIgnoreCase);

    public async Task<JsonElement> RefreshOrderAsync()
    {
        await System.DeliverWebhooksAsync();
        Order = await Console.TopUpAsync(OrderId);
        return Order;
    }

    public async Task<string> BalanceAsync()
    {
        await System.DeliverWebhooksAsync();
        return Written(await Console.AvailableAsync());
    }

    /// <summary>The balance's history as the console shows it (the ledger), newest first.</summary>
    public async Task<List<JsonElement>> BalanceHistoryAsync()
    {
        await System.DeliverWebhooksAsync();
        var ledger = await Console.LedgerPageAsync(200);
        Assert.True(
            !ledger.TryGetProperty("nextCursor", out var next) || next.ValueKind == JsonValueKind.Null, "The balance history has more than one page.");
        return [.. ledger.GetProperty("items").EnumerateArray()];
    }

    /// <summary>An amount as the features write it: "20.00 USD".</summary>
    public static string Written(JsonElement money) =>
        $"{money.GetProperty("amount").GetString()} {money.GetProperty("currency").GetString()}";

    public async Task<JsonElement> SupportLookupAsync(string orderNumber)
    {
        await System.DeliverWebhooksAsync();
        return await System.Support().SupportOrderAsync(orderNumber);
    }

    public async Task SetFaultAsync(string target, object settings) =>
        (await System.Simulator.PutAsJsonAsync($"/_simulator/faults/{target}", settings)).EnsureSuccessStatusCode();

    public async Task SetGlobalFaultAsync(object settings) =>
        (await System.Simulator.PutAsJsonAsync("/_simulator/faults", settings)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await System.Simulator.DeleteAsync("/_simulator/faults")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }
    }
}

[Binding]
public sealed class WorldHooks(PaymentsWorld world)
{
    [AfterScenario]
    public async Task StopTheSystemAsync() => await world.DisposeAsync();
}
