using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>What ipocto's billing does with a balance: debit it for what was bought, read the debit, cancel it.</summary>
internal static class BillingSteps
{
    /// <summary>The body of a debit in the balance currency.</summary>
    public static object Debit(string amount, string reference, string currency = "USD") =>
        new { amount = new { amount, currency }, reference };

    public static string DebitsPath(string account) => $"/api/v1/accounts/{account}/debits";

    public static Task<HttpResponseMessage> PostDebitAsync(HttpClient billing, string account, string amount, string reference, string? idempotencyKey) =>
        PostDebitAsync(billing, account, JsonSerializer.Serialize(Debit(amount, reference)), idempotencyKey);

    /// <summary>Posts a debit with the body exactly as given, so a test can send what a serializer would not.</summary>
    public static async Task<HttpResponseMessage> PostDebitAsync(HttpClient billing, string account, string body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DebitsPath(account)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await billing.SendAsync(request);
    }

    /// <summary>Debits the account and asserts the debit was made now (201); returns the debit as billing sees it.</summary>
    public static async Task<JsonElement> DebitAsync(HttpClient billing, string account, string amount, string reference, string idempotencyKey)
    {
        using var response = await PostDebitAsync(billing, account, amount, reference, idempotencyKey);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>
    /// Posts the debit again under the key it was made with and asserts the answer is the first one given again (201,
    /// <c>Idempotent-Replayed: true</c>), not a new debit.
    /// </summary>
    public static async Task<JsonElement> ReplayDebitAsync(HttpClient billing, string account, string amount, string reference, string idempotencyKey)
    {
        using var response = await PostDebitAsync(billing, account, amount, reference, idempotencyKey);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Idempotent-Replayed")));
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> ReverseAsync(HttpClient billing, string account, string debitId) =>
        await billing.PostAsync($"{DebitsPath(account)}/{debitId}/reversal", null);

    /// <summary>Reverses the debit and asserts the answer is the debit (200), reversed now or before.</summary>
    public static async Task<JsonElement> ReverseDebitAsync(HttpClient billing, string account, string debitId)
    {
        using var response = await ReverseAsync(billing, account, debitId);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient billing, string account, string debitId) =>
        await billing.GetAsync($"{DebitsPath(account)}/{debitId}");

    /// <summary>Reads the debit back and asserts it is there (200).</summary>
    public static async Task<JsonElement> ReadDebitAsync(HttpClient billing, string account, string debitId)
    {
        using var response = await GetAsync(billing, account, debitId);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Amount(this JsonElement debit) => debit.GetProperty("amount").GetProperty("amount").GetString()!;

    public static string BalanceAfter(this JsonElement debit) => debit.GetProperty("balance").GetProperty("amount").GetString()!;

    /// <summary>The account's ledger, newest first, up to 200 lines.</summary>
    public static async Task<JsonElement[]> FullLedgerAsync(HttpClient console) =>
        [.. (await console.GetFromJsonAsync<JsonElement>("/api/v1/ledger?limit=200")).GetProperty("items").EnumerateArray()];

    public static string Kind(this JsonElement line) => line.GetProperty("kind").GetString()!;

    public static string LineAmount(this JsonElement line) => line.GetProperty("amount").GetProperty("amount").GetString()!;

    /// <summary>How many postings of this kind touch the account's balance, as the database holds them.</summary>
    public static Task<int> PostingsAsync(this PaymentsSystem system, string account, string kind) =>
        system.InDatabaseAsync(db => db.Set<PostingRecord>().CountAsync(p => p.Kind == kind && p.Entries.Any(e => e.AccountType == "CustomerBalance" && e.AccountOwner == account)));

    /// <summary>The account's balance row as stored, in minor units; null when the account has none.</summary>
    public static Task<long?> StoredBalanceAsync(this PaymentsSystem system, string account) =>
        system.InDatabaseAsync(db => db.Set<BalanceRecord>().Where(b => b.AccountId == account).Select(b => (long?)b.MinorUnits).SingleOrDefaultAsync());

    /// <summary>"12.34" as 1234: amounts the tests add up.</summary>
    public static long Cents(string amount)
    {
        var negative = amount.StartsWith('-');
        var parts = amount.TrimStart('-').Split('.');
        var cents = (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 100) + long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return negative ? -cents : cents;
    }

    /// <summary>1234 as "12.34" (not negative).</summary>
    public static string Usd(long cents) => $"{cents / 100}.{cents % 100:D2}";
}
