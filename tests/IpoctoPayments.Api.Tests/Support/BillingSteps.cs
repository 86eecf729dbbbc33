using System.Net;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>What ipocto's billing does with a balance: debit it for what was bought, read the debit, cancel it.</summary>
internal static class BillingSteps
{
    /// <summary>Debits the account and asserts the debit was made now (201); returns the debit as billing sees it.</summary>
    public static async Task<JsonElement> DebitAsync(PaymentsApiClient billing, string account, string amount, string reference, string idempotencyKey)
    {
        using var response = await billing.PostDebitAsync(account, amount, reference, idempotencyKey);
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>
    /// Posts the debit again under the key it was made with and asserts the answer is the first one given again (201,
    /// <c>Idempotent-Replayed: true</c>), not a new debit.
    /// </summary>
    public static async Task<JsonElement> ReplayDebitAsync(PaymentsApiClient billing, string account, string amount, string reference, string idempotencyKey)
    {
        using var response = await billing.PostDebitAsync(account, amount, reference, idempotencyKey);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Idempotent-Replayed")));
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Reverses the debit and asserts the answer is the debit (200), reversed now or before.</summary>
    public static async Task<JsonElement> ReverseDebitAsync(PaymentsApiClient billing, string account, string debitId)
    {
        using var response = await billing.PostReversalAsync(account, debitId);
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Reads the debit back and asserts it is there (200).</summary>
    public static async Task<JsonElement> ReadDebitAsync(PaymentsApiClient billing, string account, string debitId)
    {
        using var response = await billing.GetDebitAsync(account, debitId);
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.OK);
    }

    public static string Amount(this JsonElement debit) => debit.GetProperty("amount").GetProperty("amount").GetString()!;

    public static string BalanceAfter(this JsonElement debit) => debit.GetProperty("balance").GetProperty("amount").GetString()!;

    /// <summary>The account's ledger, newest first, up to 200 lines.</summary>
    public static Task<JsonElement[]> FullLedgerAsync(PaymentsApiClient console) => console.LedgerAsync(200);

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
