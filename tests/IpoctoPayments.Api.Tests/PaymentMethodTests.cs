using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>The guide's "Why can't I see the payment method I want to use?", answered per country and amount.</summary>
/// <remarks>Nothing here is written, so one system per engine serves every test.</remarks>
public sealed class PaymentMethodTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    private const string VariesByCountry = "The available payment methods vary depending on your country/region.";

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_philippines_offers_payermax_wallets_in_pesos_and_says_why_cards_are_absent(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);

        var methods = await MethodsAsync(system, "country=PH&amount=10.00");

        var gcash = Offered(methods, "payermax", "gcash");
        Assert.Equal("PHP", gcash.GetProperty("chargeCurrency").GetString());
        Assert.Equal("562.50", gcash.GetProperty("chargeAmount").GetString());
        var card = Absent(methods, "stripe", "card");
        Assert.Contains(VariesByCountry, card.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(methods.GetProperty("offered").EnumerateArray(), m => m.GetProperty("provider").GetString() == "stripe");
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_united_states_offers_stripe_cards_and_wallets_in_dollars(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);

        var methods = await MethodsAsync(system, "country=US");

        var card = Offered(methods, "stripe", "card");
        Assert.Equal("USD", card.GetProperty("chargeCurrency").GetString());
        Offered(methods, "stripe", "apple_pay");
        Offered(methods, "stripe", "google_pay");
        Assert.Contains(VariesByCountry, Absent(methods, "payermax", "gcash").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Egypt_has_no_stripe_method_and_each_absence_gives_the_guides_reason(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);

        var methods = await MethodsAsync(system, "country=EG&provider=stripe");

        Assert.Empty(methods.GetProperty("offered").EnumerateArray());
        var absent = methods.GetProperty("unavailable").EnumerateArray().ToList();
        Assert.NotEmpty(absent);
        Assert.All(absent, m =>
        {
            Assert.Equal("stripe", m.GetProperty("provider").GetString());
            Assert.Equal("provider_not_serving_country", m.GetProperty("reason").GetString());
            Assert.Contains(VariesByCountry, m.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_amount_below_a_methods_minimum_lists_it_as_absent_with_the_minimum(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);

        var methods = await MethodsAsync(system, "country=US&amount=0.10&provider=stripe");

        var card = Absent(methods, "stripe", "card");
        Assert.Equal("amount_below_minimum", card.GetProperty("reason").GetString());
        Assert.Contains("minimum", card.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Creating_a_top_up_with_a_method_the_country_lacks_is_refused_with_the_reason(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);
        var console = system.Console("acc-no-method");

        using var response = await console.PostTopUpAsync(new
        {
            amount = new { amount = "10.00", currency = "USD" },
            provider = "stripe",
            country = "EG",
            paymentMethod = "card",
            returnUrl = TopUpRequest.ReturnUrl,
        });

        var problem = await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "payment_method_unavailable");
        Assert.Contains(VariesByCountry, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await console.TopUpsAsync());
    }

    private static async Task<JsonElement> MethodsAsync(PaymentsSystem system, string query) =>
        await system.Console("acc-methods").GetFromJsonAsync<JsonElement>($"/api/v1/payment-methods?{query}");

    private static JsonElement Offered(JsonElement methods, string provider, string code) =>
        Assert.Single(methods.GetProperty("offered").EnumerateArray(), m => m.GetProperty("provider").GetString() == provider && m.GetProperty("code").GetString() == code);

    private static JsonElement Absent(JsonElement methods, string provider, string code) =>
        Assert.Single(methods.GetProperty("unavailable").EnumerateArray(), m => m.GetProperty("provider").GetString() == provider && m.GetProperty("code").GetString() == code);
}
