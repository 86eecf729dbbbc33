using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Common.Idempotency;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.TopUps;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// A top-up's return address must be a page of the console (<c>TopUps:ReturnOrigins</c>, here <see cref="TopUpRequest.ConsoleOrigin"/>):
/// otherwise a token holder could hand a customer a genuine Stripe or PayerMax page that ends on a site of their choosing.
/// </summary>
public sealed class ReturnUrlTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    private const string ConsolePage = $"{TopUpRequest.ConsoleOrigin}/billing/topups?tab=history";

    /// <summary>Addresses a customer's browser would not take for the console's, each with what makes it so.</summary>
    private static readonly Dictionary<string, string> OffTheConsole = new()
    {
        ["another site"] = "https://evil.example/steal",
        ["the console's host as a subdomain of another"] = "https://console.ipocto.test.evil.example/topups",
        ["the console's host as a user name"] = "https://console.ipocto.test@evil.example/topups",
        ["a user name on the console's host"] = "https://evil.example@console.ipocto.test/topups",
        ["a user and password on the console's host"] = "https://user:secret@console.ipocto.test/topups",
        ["another port"] = "https://console.ipocto.test:8443/topups",
        ["plain http"] = "http://console.ipocto.test/topups",
        ["a subdomain of the console"] = "https://pay.console.ipocto.test/topups",
        ["a look-alike host"] = "https://console-ipocto.test/topups",
        ["a look-alike host in Cyrillic"] = "https://cоnsole.ipocto.test/topups",
        ["the console's host with a trailing dot"] = "https://console.ipocto.test./topups",
        ["the console's address in the path"] = "https://evil.example/https://console.ipocto.test/topups",
        ["the console's address in the query"] = "https://evil.example/?next=https://console.ipocto.test/topups",
    };

    /// <summary>Console pages written another way: the origin is compared once parsed, and the provider gets the parsed address.</summary>
    private static readonly Dictionary<string, string> OnTheConsole = new()
    {
        ["a console page"] = ConsolePage,
        ["the host in capitals and the default port written out"] = "https://CONSOLE.Ipocto.Test:443/billing/topups?tab=history",
    };

    public static TheoryData<DatabaseProvider, string> Refused() => Databases.Times(OffTheConsole.Keys);

    public static TheoryData<DatabaseProvider, string> Taken() => Databases.Times(OnTheConsole.Keys);

    [SkippableTheory]
    [MemberData(nameof(Taken))]
    public async Task A_console_page_is_taken_and_Stripe_returns_the_customer_there_paid_or_cancelled(DatabaseProvider provider, string name)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-return-stripe");

        var topUp = await console.CreateTopUpAsync(TopUpRequest.For("stripe", "US", "card", "20.00", returnUrl: OnTheConsole[name]));

        var session = Assert.Single((await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions")).EnumerateArray());
        var back = $"{ConsolePage}&topup={topUp.Id()}";
        Assert.StartsWith(back, session.GetProperty("success_url").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(back, session.GetProperty("cancel_url").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_console_page_is_taken_and_PayerMax_returns_the_paying_customer_there(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-return-payermax");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.For("payermax", "PH", "gcash", "10.00", returnUrl: ConsolePage));

        var browser = new HostedPageBrowser(system.Simulator, new Uri(ConsolePage));
        await browser.FollowAsync(topUp.PaymentUrl().AbsoluteUri, "Pay with GCash", "Open wallet app");
        await browser.SubmitAsync("Confirm payment");

        Assert.Equal(HttpStatusCode.SeeOther, browser.Status);
        Assert.StartsWith($"{ConsolePage}&topup={topUp.Id()}", browser.ReturnedTo?.AbsoluteUri, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Refused))]
    public async Task An_address_off_the_console_is_refused_and_nothing_is_written_or_sent_to_a_provider(DatabaseProvider provider, string name)
    {
        var system = await systems.ForAsync(provider);
        var console = system.Console("acc-return-refused");

        object[] requests =
        [
            TopUpRequest.For("stripe", "US", "card", "20.00", returnUrl: OffTheConsole[name]),
            TopUpRequest.For("payermax", "PH", "gcash", "10.00", returnUrl: OffTheConsole[name]),
        ];
        foreach (var request in requests)
        {
            using var response = await console.PostTopUpAsync(request, Guid.NewGuid().ToString("N"));

            var problem = await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, "return_url_not_allowed");
            Assert.Equal("returnUrl", problem.GetProperty("field").GetString());
            Assert.Equal(
                "The return URL must be a console page under https://console.ipocto.test, with no user name or password in it.",
                problem.GetProperty("detail").GetString());
        }

        Assert.Empty(await console.TopUpsAsync());
        Assert.Equal((0, 0), await system.InDatabaseAsync(async db => (await db.Set<TopUpOrderRecord>().CountAsync(), await db.Set<IdempotencyKeyRecord>().CountAsync())));
        Assert.Equal(0, (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions")).GetArrayLength());
        Assert.Equal(0, (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/payermax/orders")).GetArrayLength());
    }

    [Theory]
    [InlineData("https://console.ipocto.test/topups")]
    [InlineData("console.ipocto.test")]
    [InlineData("https://ops@console.ipocto.test")]
    [InlineData("ftp://console.ipocto.test")]
    [InlineData("")]
    public async Task The_API_refuses_to_start_with_a_console_origin_that_is_not_an_origin(string origin)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            PaymentsSystem.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["TopUps:ReturnOrigins:0"] = origin }));

        Assert.Contains($"TopUps:ReturnOrigins:0 \"{origin}\" is not an origin", refused.Message, StringComparison.Ordinal);
    }
}
