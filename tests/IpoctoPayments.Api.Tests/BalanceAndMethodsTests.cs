using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class BalanceAndMethodsTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_new_account_has_an_empty_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        var balance = await system.Console("acc-new").GetFromJsonAsync<JsonElement>("/api/v1/balance");

        Assert.Equal("0.00", balance.GetProperty("available").GetProperty("amount").GetString());
        Assert.Equal("USD", balance.GetProperty("available").GetProperty("currency").GetString());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_balance_needs_a_token(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        var response = await system.Anonymous().GetAsync("/api/v1/balance");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
