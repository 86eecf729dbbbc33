using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.TopUps;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// ipocto's own limits (<c>TopUps:Limits</c>), in USD whatever the method charges in: per top-up, and per account in
/// any 24 hours. A refused amount never reaches a provider.
/// </summary>
public sealed class TopUpLimitTests(ITestOutputHelper output)
{
    /// <summary>A USD card, and a method each charging a 2-, 0- and 3-decimal currency at the locked rate.</summary>
    public static TheoryData<DatabaseProvider, string> Methods { get; } = Databases.Times(["stripe US card", "payermax PH gcash", "payermax ID dana", "payermax KW knet"]);

    [SkippableTheory]
    [MemberData(nameof(Methods))]
    public async Task Each_limit_holds_at_its_edge_and_a_refused_amount_reaches_no_provider(DatabaseProvider provider, string method)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("1.00", "10000.00", "20000.00"));
        var (providerName, country, code) = (method.Split(' ')[0], method.Split(' ')[1], method.Split(' ')[2]);
        var console = system.Console($"acc-edges-{country}");
        async Task<HttpResponseMessage> TopUp(string amount) => await console.PostTopUpAsync(TopUpRequest.For(providerName, country, code, amount));
        Assert.Equal(["1.00", "10000.00", "20000.00", "0.00", "20000.00", "10000.00"], LimitsShown(await console.TopUpLimitsAsync()));

        using var belowMinimum = await TopUp("0.99");
        using var aboveMaximum = await TopUp("10000.01");
        using var atMinimum = await TopUp("1.00");
        using var atMaximum = await TopUp("10000.00");
        // 10,001.00 of the day's 20,000.00 taken: 9,999.00 left.
        using var aboveWhatIsLeft = await TopUp("9999.01");
        using var belowWhatIsLeft = await TopUp("9998.99");
        using var aboveTheLastCent = await TopUp("1.00");

        var below = await ApiAnswer.AssertProblemAsync(belowMinimum, HttpStatusCode.UnprocessableEntity, "amount_below_minimum");
        Assert.Equal("A top-up must be at least 1.00 USD; enter 1.00 USD or more.", below.GetProperty("detail").GetString());
        Assert.Equal("amount", below.GetProperty("field").GetString());
        var above = await ApiAnswer.AssertProblemAsync(aboveMaximum, HttpStatusCode.UnprocessableEntity, "amount_above_maximum");
        Assert.Equal("A top-up can be at most 10000.00 USD; enter 10000.00 USD or less, and top up the rest in another top-up.", above.GetProperty("detail").GetString());
        await ApiAnswer.ReadAsync(atMinimum, HttpStatusCode.Created);
        var charged = (await ApiAnswer.ReadAsync(atMaximum, HttpStatusCode.Created)).GetProperty("charge");
        output.WriteLine($"{provider} {method}: 10000.00 USD charged {charged.GetProperty("amount").GetString()} {charged.GetProperty("currency").GetString()}");
        var daily = await ApiAnswer.AssertProblemAsync(aboveWhatIsLeft, HttpStatusCode.UnprocessableEntity, "daily_limit_reached");
        Assert.Equal(("9999.00", "USD"), Remaining(daily));
        Assert.Equal("An account can top up at most 20000.00 USD in 24 hours, counting top-ups paid or awaiting payment; 9999.00 USD is left now; "
            + "enter 9999.00 USD or less, or top up the rest once your earlier top-ups are more than 24 hours old.", daily.GetProperty("detail").GetString());
        await ApiAnswer.ReadAsync(belowWhatIsLeft, HttpStatusCode.Created);
        Assert.Equal(("0.01", "USD"), Remaining(await ApiAnswer.AssertProblemAsync(aboveTheLastCent, HttpStatusCode.UnprocessableEntity, "daily_limit_reached")));

        Assert.Equal(3, (await console.TopUpsAsync()).Length);
        Assert.Equal(3, await SessionsOpenedAsync(system, providerName));
        // What the console shows beside the amount: 0.01 USD left, less than one top-up can be.
        Assert.Equal(["1.00", "10000.00", "20000.00", "19999.99", "0.01", "0.01"], LimitsShown(await console.TopUpLimitsAsync()));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_charge_outside_the_methods_own_range_once_converted_and_rounded_is_refused_before_the_provider(DatabaseProvider provider)
    {
        // ipocto's own minimum lowered to a cent, so only the method's range stands between the amount and PayerMax.
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("0.01", "10000.00", "20000.00"));
        var console = system.Console("acc-method-range");
        async Task<HttpResponseMessage> TopUp(string method, string amount) => await console.PostTopUpAsync(TopUpRequest.For("payermax", "KW", method, amount));

        // PayerMax charges KWD to 2 decimals: 0.01 USD is 0.00307 KWD, 0.00 charged; 0.02 USD is 0.01 KWD, KNET's minimum.
        using var roundsToNothing = await TopUp("knet", "0.01");
        using var smallestCharge = await TopUp("knet", "0.02");
        // Knet cards take at most 1,700 KWD: 5,537.47 USD is 1,700.00 KWD, 5,537.48 USD is 1,700.01 KWD.
        using var atCardMaximum = await TopUp("card", "5537.47");
        using var aboveCardMaximum = await TopUp("card", "5537.48");

        var nothing = await ApiAnswer.AssertProblemAsync(roundsToNothing, HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
        Assert.Equal("The amount comes to 0.000 KWD, too little for KNET to charge (at least 0.02 USD at the current rate).", nothing.GetProperty("detail").GetString());
        Assert.Equal(("0.010", "KWD"), Charge(await ApiAnswer.ReadAsync(smallestCharge, HttpStatusCode.Created)));
        Assert.Equal(("1700.000", "KWD"), Charge(await ApiAnswer.ReadAsync(atCardMaximum, HttpStatusCode.Created)));
        var above = await ApiAnswer.AssertProblemAsync(aboveCardMaximum, HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
        Assert.Equal("The maximum amount for Card (KNET) is 1700.000 KWD (at most 5537.47 USD at the current rate).", above.GetProperty("detail").GetString());
        Assert.Equal(2, await SessionsOpenedAsync(system, "payermax"));
        Assert.Equal(2, (await console.TopUpsAsync()).Length);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_method_list_gives_each_methods_own_range_in_the_currency_it_charges_and_greys_out_an_amount_outside_it(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("0.01", "10000.00", "20000.00"));
        var console = system.Console("acc-method-list");

        var forTen = await console.GetFromJsonAsync<JsonElement>("/api/v1/payment-methods?country=KW&provider=payermax&amount=10.00");
        var forACent = await console.GetFromJsonAsync<JsonElement>("/api/v1/payment-methods?country=KW&provider=payermax&amount=0.01");
        var stripe = await console.GetFromJsonAsync<JsonElement>("/api/v1/payment-methods?country=US&provider=stripe");

        Assert.Equal(["card 3.070 KWD from 0.010 KWD to 1700.000 KWD", "knet 3.070 KWD from 0.010 KWD"], Offered(forTen));
        Assert.Empty(Offered(forACent));
        var greyed = forACent.GetProperty("unavailable").EnumerateArray().Where(u => u.GetProperty("reason").GetString() == "amount_below_minimum")
            .Select(u => u.GetProperty("message").GetString()!).ToArray();
        Assert.Equal(
        [
            "The amount comes to 0.000 KWD, too little for Card (KNET) to charge (at least 0.02 USD at the current rate).",
            "The amount comes to 0.000 KWD, too little for KNET to charge (at least 0.02 USD at the current rate).",
        ], greyed);
        Assert.Contains("card from 0.50 USD to 999999.99 USD", Offered(stripe));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Reservations_past_their_24_hours_are_removed_by_the_cleanup_job_with_the_locks_of_accounts_idle_since(DatabaseProvider provider)
    {
        var settings = Limits("1.00", "10000.00", "20000.00");
        settings["TopUps:Limits:CleanupInterval"] = "01:00:00";
        await using var system = await PaymentsSystem.StartAsync(provider, settings);
        var busy = system.Console("acc-cleanup-busy");
        var idle = system.Console("acc-cleanup-idle");
        await busy.CreateTopUpAsync(TopUpRequest.StripeCard("300.00"));
        await idle.CreateTopUpAsync(TopUpRequest.StripeCard("400.00"));
        system.Clock.Advance(TimeSpan.FromHours(12));
        await busy.CreateTopUpAsync(TopUpRequest.StripeCard("200.00"));
        Assert.Equal("500.00", (await busy.TopUpLimitsAsync()).GetProperty("used").GetProperty("amount").GetString());

        system.Clock.Advance(TimeSpan.FromHours(13));

        await Poll.UntilAsync(async () => await ReservedAsync(system) is [20000], TimeSpan.FromSeconds(30), "the job to remove the reservations older than 24 hours");
        Assert.Equal(["acc-cleanup-busy"], await LockedAccountsAsync(system));
        Assert.Equal("200.00", (await busy.TopUpLimitsAsync()).GetProperty("used").GetProperty("amount").GetString());
        Assert.Equal("0.00", (await idle.TopUpLimitsAsync()).GetProperty("used").GetProperty("amount").GetString());
        await idle.CreateTopUpAsync(TopUpRequest.StripeCard("10000.00"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Twenty_top_ups_at_once_over_two_instances_make_exactly_the_ones_that_fit_the_day_and_the_day_rolls(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("1.00", "1000.00", "10000.00"));
        var other = system.StartAnotherInstance();
        var token = TestTokens.For("acc-burst", Scopes.Account);
        PaymentsApiClient[] instances = [system.Client(token), other(token)];

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await instances[i % 2].PostTopUpAsync(TopUpRequest.StripeCard("1000.00"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        output.WriteLine($"{provider}: 20 × 1000.00 at once, 10000.00 a day: " + string.Join(", ",
            answers.GroupBy(a => (int)a.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"{(int)a.StatusCode} {a.Body}"));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.UnprocessableEntity), a =>
        {
            var problem = JsonDocument.Parse(a.Body).RootElement;
            Assert.Equal("daily_limit_reached", problem.GetProperty("code").GetString());
            Assert.Equal(("0.00", "USD"), Remaining(problem));
        });
        Assert.Equal(10, (await instances[0].TopUpsAsync()).Length);
        Assert.Equal(10, await SessionsOpenedAsync(system, "stripe"));

        system.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        using var stillTheSameDay = await instances[1].PostTopUpAsync(TopUpRequest.StripeCard("1.00"));
        await ApiAnswer.AssertProblemAsync(stillTheSameDay, HttpStatusCode.UnprocessableEntity, "daily_limit_reached");
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        using var nextDay = await instances[0].PostTopUpAsync(TopUpRequest.StripeCard("1000.00"));
        await ApiAnswer.ReadAsync(nextDay, HttpStatusCode.Created);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_top_up_that_expired_unpaid_no_longer_counts_against_the_day(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("1.00", "30.00", "30.00"));
        var console = system.Console("acc-left-the-page");
        var left = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        using var refused = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"));
        Assert.Equal(("10.00", "USD"), Remaining(await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "daily_limit_reached")));

        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{left.SessionId()}/expire");
        await system.DeliverWebhooksAsync();
        using var again = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"));

        await ApiAnswer.ReadAsync(again, HttpStatusCode.Created);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_top_up_the_provider_could_not_open_gives_its_amount_back_to_the_day(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limits("1.00", "30.00", "30.00"));
        var console = system.Console("acc-provider-down");
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 100 } });
        using var failed = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"));
        await ApiAnswer.AssertProblemAsync(failed, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 0 } });

        using var paid = await console.PostTopUpAsync(TopUpRequest.StripeCard("30.00"));

        await ApiAnswer.ReadAsync(paid, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("0", "10000.00", "20000.00", "TopUps:Limits:MinimumPerTopUp must be an amount above zero in USD")]
    [InlineData("1.001", "10000.00", "20000.00", "TopUps:Limits:MinimumPerTopUp must be an amount above zero in USD")]
    [InlineData("1.00", "ten", "20000.00", "TopUps:Limits:MaximumPerTopUp must be an amount above zero in USD")]
    [InlineData("20.00", "10.00", "20000.00", "TopUps:Limits:MinimumPerTopUp may not be above MaximumPerTopUp.")]
    [InlineData("1.00", "10000.00", "5000.00", "TopUps:Limits:MaximumPerTopUp may not be above MaximumPerDay.")]
    public async Task Limits_that_are_not_usable_amounts_stop_the_service_from_starting(string minimum, string maximum, string perDay, string expected)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => PaymentsSystem.StartAsync(DatabaseProvider.Sqlite, Limits(minimum, maximum, perDay)));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Limits(string minimum, string maximum, string perDay) => new()
    {
        ["TopUps:Limits:MinimumPerTopUp"] = minimum,
        ["TopUps:Limits:MaximumPerTopUp"] = maximum,
        ["TopUps:Limits:MaximumPerDay"] = perDay,
        ["ExchangeRates:Rates:USD:KWD"] = "0.307",
    };

    private static readonly string[] LimitNames = ["minimumPerTopUp", "maximumPerTopUp", "maximumPer24Hours", "used", "remaining", "largestNow"];

    /// <summary>The limits as the console shows them: per top-up, per 24 hours, used, remaining, and the most one top-up may be now.</summary>
    private static string[] LimitsShown(JsonElement limits) =>
        [.. LimitNames.Select(name => limits.GetProperty(name).GetProperty("amount").GetString()!)];

    /// <summary>Each method offered: code, what it charges for the amount asked (if any), and its own range.</summary>
    private static string[] Offered(JsonElement methods) =>
        [.. methods.GetProperty("offered").EnumerateArray().Select(m => string.Join(' ', new[]
        {
            m.GetProperty("code").GetString(),
            m.GetProperty("chargeAmount").GetString() is { } amount ? $"{amount} {m.GetProperty("chargeCurrency").GetString()}" : null,
            Bound(m, "minimum", "from"),
            Bound(m, "maximum", "to"),
        }.OfType<string>()))];

    private static string? Bound(JsonElement method, string name, string word) =>
        method.GetProperty(name) is { ValueKind: JsonValueKind.Object } bound
            ? $"{word} {bound.GetProperty("amount").GetString()} {bound.GetProperty("currency").GetString()}"
            : null;

    private static (string?, string?) Charge(JsonElement topUp)
    {
        var charge = topUp.GetProperty("charge");
        return (charge.GetProperty("amount").GetString(), charge.GetProperty("currency").GetString());
    }

    /// <summary>The accounts whose reservation lock row the database still holds.</summary>
    private static Task<string[]> LockedAccountsAsync(PaymentsSystem system) =>
        system.InDatabaseAsync(db => db.Set<TopUpLimitAccountRecord>().Select(a => a.AccountId).ToArrayAsync());

    /// <summary>The amounts (minor units) of the reservations the database still holds.</summary>
    private static Task<long[]> ReservedAsync(PaymentsSystem system) =>
        system.InDatabaseAsync(db => db.Set<TopUpReservationRecord>().Select(r => r.AmountMinorUnits).ToArrayAsync());

    private static (string?, string?) Remaining(JsonElement problem)
    {
        var remaining = problem.GetProperty("remaining");
        return (remaining.GetProperty("amount").GetString(), remaining.GetProperty("currency").GetString());
    }

    /// <summary>The payment sessions the provider's simulator was asked to open.</summary>
    private static async Task<int> SessionsOpenedAsync(PaymentsSystem system, string provider) =>
        (await system.Simulator.GetFromJsonAsync<JsonElement>(provider == "stripe" ? "/_simulator/stripe/sessions" : "/_simulator/payermax/orders")).GetArrayLength();
}
