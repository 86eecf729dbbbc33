using System.Net;
using System.Text.Json;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// ipocto's billing spends a balance: each debit once per Idempotency-Key, never more than the balance holds, reversible
/// once, only with the billing scope, and only on the account it names. Each test has its own account on a shared system.
/// </summary>
public sealed class DebitTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    private const string BillingDebit = "billing_debit";
    private const string BillingDebitReversal = "billing_debit_reversal";

    /// <summary>Bad debits: the body as sent, the Idempotency-Key (null: none), the code answered. The account is funded first.</summary>
    private static readonly Dictionary<string, (string Body, string? Key, string Code)> BadDebits = new()
    {
        ["no Idempotency-Key"] = (Body("5.00", "USD", "inv-1"), null, "invalid_idempotency_key"),
        ["empty Idempotency-Key"] = (Body("5.00", "USD", "inv-1"), "", "invalid_idempotency_key"),
        ["Idempotency-Key with a space"] = (Body("5.00", "USD", "inv-1"), "key with space", "invalid_idempotency_key"),
        ["Idempotency-Key of 256 characters"] = (Body("5.00", "USD", "inv-1"), new string('k', 256), "invalid_idempotency_key"),
        ["amount not a number"] = (Body("five", "USD", "inv-1"), "bad-amount-text", "invalid_amount"),
        ["amount zero"] = (Body("0.00", "USD", "inv-1"), "bad-amount-zero", "invalid_amount"),
        ["amount negative"] = (Body("-5.00", "USD", "inv-1"), "bad-amount-negative", "invalid_amount"),
        ["amount with three decimals"] = (Body("5.001", "USD", "inv-1"), "bad-amount-decimals", "invalid_amount"),
        ["amount too large"] = (Body("99999999999999999999.00", "USD", "inv-1"), "bad-amount-huge", "invalid_amount"),
        ["amount missing"] = ("""{"reference":"inv-1"}""", "bad-amount-missing", "validation_failed"),
        ["amount as a JSON number"] = ("""{"amount":{"amount":5.00,"currency":"USD"},"reference":"inv-1"}""", "bad-amount-number", "malformed_body"),
        ["wrong currency"] = (Body("5.00", "EUR", "inv-1"), "bad-currency-eur", "currency_mismatch"),
        ["currency missing"] = ("""{"amount":{"amount":"5.00"},"reference":"inv-1"}""", "bad-currency-missing", "currency_required"),
        ["empty reference"] = (Body("5.00", "USD", ""), "bad-reference-empty", "invalid_reference"),
        ["blank reference"] = (Body("5.00", "USD", "   "), "bad-reference-blank", "invalid_reference"),
        ["reference missing"] = ("""{"amount":{"amount":"5.00","currency":"USD"}}""", "bad-reference-missing", "invalid_reference"),
        ["reference of 201 characters"] = (Body("5.00", "USD", new string('r', 201)), "bad-reference-long", "invalid_reference"),
        ["reference with a control character"] = (Body("5.00", "USD", "inv\n1"), "bad-reference-control", "invalid_reference"),
        ["body not JSON"] = ("amount=5.00", "bad-body-text", "malformed_body"),
        ["empty body"] = ("", "bad-body-empty", "malformed_body"),
    };

    public static TheoryData<DatabaseProvider, string> BadDebitCases => Databases.Times(BadDebits.Keys);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debit_takes_the_amount_off_the_balance_and_shows_as_a_ledger_line(DatabaseProvider provider)
    {
        const string account = "acc-debit-basic";
        var (system, console) = await FundedAsync(provider, account, "20.00");

        using var response = await system.Billing().PostDebitAsync(account, "5.00", "inv-1", "debit-basic-1");

        var debit = await ApiAnswer.ReadAsync(response, HttpStatusCode.Created);
        var id = debit.Id();
        Assert.Equal($"/api/v1/accounts/{account}/debits/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(account, debit.GetProperty("account").GetString());
        Assert.Equal("5.00", debit.Amount());
        Assert.Equal("USD", debit.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("inv-1", debit.GetProperty("reference").GetString());
        Assert.Equal("posted", debit.Status());
        // Stored to the microsecond, as PostgreSQL keeps times.
        Assert.Equal(system.Clock.GetUtcNow(), debit.GetProperty("postedAt").GetDateTimeOffset(), TimeSpan.FromMicroseconds(1));
        Assert.Equal(JsonValueKind.Null, debit.GetProperty("reversedAt").ValueKind);
        Assert.Equal("15.00", debit.BalanceAfter());

        Assert.Equal("15.00", await console.BalanceAsync());
        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal([BillingDebit, "top_up_credit"], ledger.Select(l => l.Kind()));
        var line = ledger[0];
        Assert.Equal("-5.00", line.LineAmount());
        Assert.Equal(id, line.GetProperty("debitId").GetString());
        Assert.Equal("inv-1", line.GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("topUpId").ValueKind);

        var readBack = await BillingSteps.ReadDebitAsync(system.Billing(), account, id);
        Assert.Equal(id, readBack.Id());
        Assert.Equal("posted", readBack.Status());
        Assert.Equal("15.00", readBack.BalanceAfter());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_retry_with_the_same_key_answers_the_same_debit_and_debits_once(DatabaseProvider provider)
    {
        const string account = "acc-debit-replay";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var first = await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-7", "debit-replay-1");

        var replayed = await BillingSteps.ReplayDebitAsync(system.Billing(), account, "5.00", "inv-7", "debit-replay-1");

        Assert.Equal(first.Id(), replayed.Id());
        Assert.Equal("posted", replayed.Status());
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Single(await BillingSteps.FullLedgerAsync(console), l => l.Kind() == BillingDebit);
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_key_with_another_amount_or_reference_is_refused_and_debits_nothing_more(DatabaseProvider provider)
    {
        const string account = "acc-debit-reused";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-8", "debit-reused-1");

        using var otherAmount = await system.Billing().PostDebitAsync(account, "6.00", "inv-8", "debit-reused-1");
        using var otherReference = await system.Billing().PostDebitAsync(account, "5.00", "inv-9", "debit-reused-1");

        await ApiAnswer.AssertProblemAsync(otherAmount, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await ApiAnswer.AssertProblemAsync(otherReference, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal("15.00", await console.BalanceAsync());
        var debits = (await BillingSteps.FullLedgerAsync(console)).Where(l => l.Kind() == BillingDebit).ToArray();
        Assert.Equal("-5.00", Assert.Single(debits).LineAmount());
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debit_above_the_balance_is_refused_with_nothing_written_and_the_exact_balance_can_be_spent(DatabaseProvider provider)
    {
        const string account = "acc-debit-short";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var ledgerBefore = await BillingSteps.FullLedgerAsync(console);

        using var over = await system.Billing().PostDebitAsync(account, "20.01", "inv-big", "debit-short-1");

        var problem = await ApiAnswer.AssertProblemAsync(over, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        Assert.Equal("amount", problem.GetProperty("field").GetString());
        Assert.Contains("20.00", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(system, account, console, "20.00", ledgerBefore);

        // Nothing was written under the refused key either: the same key, within the balance, makes the debit.
        var all = await BillingSteps.DebitAsync(system.Billing(), account, "20.00", "inv-big", "debit-short-2");
        Assert.Equal("0.00", all.BalanceAfter());
        using var cent = await system.Billing().PostDebitAsync(account, "0.01", "inv-cent", "debit-short-3");
        await ApiAnswer.AssertProblemAsync(cent, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debit_on_an_account_that_never_topped_up_is_refused_and_makes_no_balance(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);
        const string account = "acc-debit-empty";

        using var response = await system.Billing().PostDebitAsync(account, "1.00", "inv-1", "debit-empty-1");

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        Assert.Equal("0.00", await system.Console(account).BalanceAsync());
        Assert.Null(await system.StoredBalanceAsync(account));
        Assert.Empty(await BillingSteps.FullLedgerAsync(system.Console(account)));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_reversal_puts_the_amount_back_once_however_often_it_is_asked(DatabaseProvider provider)
    {
        const string account = "acc-debit-reverse";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var id = (await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "sub-3", "debit-reverse-1")).Id();

        var reversed = await BillingSteps.ReverseDebitAsync(system.Billing(), account, id);
        system.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await BillingSteps.ReverseDebitAsync(system.Billing(), account, id);

        Assert.Equal("reversed", reversed.Status());
        Assert.Equal("20.00", reversed.BalanceAfter());
        Assert.Equal(id, again.Id());
        Assert.Equal("reversed", again.Status());
        Assert.True(again.GetProperty("reversedAt").GetDateTimeOffset() < system.Clock.GetUtcNow(), "the second reversal reports the first one's time");
        Assert.Equal("20.00", again.BalanceAfter());
        Assert.Equal("20.00", await console.BalanceAsync());

        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal([BillingDebitReversal, BillingDebit, "top_up_credit"], ledger.Select(l => l.Kind()));
        Assert.Equal(["5.00", "-5.00", "20.00"], ledger.Select(l => l.LineAmount()));
        Assert.All(ledger[..2], l =>
        {
            Assert.Equal(id, l.GetProperty("debitId").GetString());
            Assert.Equal("sub-3", l.GetProperty("reference").GetString());
        });
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebitReversal"));

        // The debit reads as reversed, and retrying the original debit gets its first answer again without debiting it again.
        Assert.Equal("reversed", (await BillingSteps.ReadDebitAsync(system.Billing(), account, id)).Status());
        var replayed = await BillingSteps.ReplayDebitAsync(system.Billing(), account, "5.00", "sub-3", "debit-reverse-1");
        Assert.Equal((id, "posted"), (replayed.Id(), replayed.Status()));
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debits_times_read_the_same_in_the_answer_that_made_it_and_ever_after(DatabaseProvider provider)
    {
        const string account = "acc-debit-times";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var made = await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-t", "debit-times-1");
        var id = made.Id();
        var reversed = await BillingSteps.ReverseDebitAsync(system.Billing(), account, id);

        var replayed = await BillingSteps.ReplayDebitAsync(system.Billing(), account, "5.00", "inv-t", "debit-times-1");
        var read = await BillingSteps.ReadDebitAsync(system.Billing(), account, id);
        var reversedAgain = await BillingSteps.ReverseDebitAsync(system.Billing(), account, id);

        // Billing files these times with the invoice; the same debit must not report two of them. A replay is the first answer, before the reversal.
        Assert.Equal(made.GetRawText(), replayed.GetRawText());
        foreach (var later in new[] { read, reversedAgain })
        {
            Assert.Equal(made.GetProperty("postedAt").GetString(), later.GetProperty("postedAt").GetString());
            Assert.Equal(reversed.GetProperty("reversedAt").GetString(), later.GetProperty("reversedAt").GetString());
        }

        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal(reversed.GetProperty("reversedAt").GetString(), ledger[0].GetProperty("postedAt").GetString());
        Assert.Equal(made.GetProperty("postedAt").GetString(), ledger[1].GetProperty("postedAt").GetString());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Debits_need_the_billing_scope(DatabaseProvider provider)
    {
        const string account = "acc-debit-scope";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var id = (await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-1", "debit-scope-1")).Id();
        PaymentsApiClient[] notBilling = [console, system.Admin(), system.Support(), system.Client(TestTokens.For(account, Scopes.Account, Scopes.Admin, Scopes.Support))];

        foreach (var client in notBilling)
        {
            using var post = await client.PostDebitAsync(account, "5.00", "inv-2", "debit-scope-2");
            using var reverse = await client.PostReversalAsync(account, id);
            using var get = await client.GetDebitAsync(account, id);
            await ApiAnswer.AssertProblemAsync(post, HttpStatusCode.Forbidden, "forbidden");
            await ApiAnswer.AssertProblemAsync(reverse, HttpStatusCode.Forbidden, "forbidden");
            await ApiAnswer.AssertProblemAsync(get, HttpStatusCode.Forbidden, "forbidden");
        }

        using var anonymous = await system.Anonymous().PostDebitAsync(account, "5.00", "inv-2", "debit-scope-2");
        await ApiAnswer.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
        Assert.Equal(0, await system.PostingsAsync(account, "BillingDebitReversal"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Another_accounts_debit_is_not_found_and_cannot_be_reversed_through_this_one(DatabaseProvider provider)
    {
        const string owner = "acc-debit-owner";
        const string other = "acc-debit-other";
        var (system, ownerConsole) = await FundedAsync(provider, owner, "20.00");
        var (_, otherConsole) = await FundedAsync(provider, other, "20.00");
        var id = (await BillingSteps.DebitAsync(system.Billing(), owner, "5.00", "inv-1", "debit-owner-1")).Id();

        using var read = await system.Billing().GetDebitAsync(other, id);
        using var reverse = await system.Billing().PostReversalAsync(other, id);
        using var unknown = await system.Billing().GetDebitAsync(owner, Guid.NewGuid().ToString());
        using var reverseUnknown = await system.Billing().PostReversalAsync(owner, Guid.NewGuid().ToString());

        await ApiAnswer.AssertProblemAsync(read, HttpStatusCode.NotFound, "debit_not_found");
        await ApiAnswer.AssertProblemAsync(reverse, HttpStatusCode.NotFound, "debit_not_found");
        await ApiAnswer.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "debit_not_found");
        await ApiAnswer.AssertProblemAsync(reverseUnknown, HttpStatusCode.NotFound, "debit_not_found");
        Assert.Equal("15.00", await ownerConsole.BalanceAsync());
        Assert.Equal("20.00", await otherConsole.BalanceAsync());
        Assert.Equal("posted", (await BillingSteps.ReadDebitAsync(system.Billing(), owner, id)).Status());
        Assert.Equal(0, await system.PostingsAsync(owner, "BillingDebitReversal"));
        Assert.Equal(0, await system.PostingsAsync(other, "BillingDebitReversal"));

        // A key names a debit within its account: the same key on the other account is that account's own debit.
        var others = await BillingSteps.DebitAsync(system.Billing(), other, "5.00", "inv-1", "debit-owner-1");
        Assert.NotEqual(id, others.Id());
        Assert.Equal("15.00", await otherConsole.BalanceAsync());
        Assert.Equal("15.00", await ownerConsole.BalanceAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(BadDebitCases))]
    public async Task A_bad_debit_is_a_400_with_a_code_and_writes_nothing(DatabaseProvider provider, string badCase)
    {
        var (body, key, code) = BadDebits[badCase];
        var account = $"acc-debit-bad-{Array.IndexOf([.. BadDebits.Keys], badCase)}";
        var (system, console) = await FundedAsync(provider, account, "20.00");
        var ledgerBefore = await BillingSteps.FullLedgerAsync(console);

        using var response = await system.Billing().PostDebitAsync(account, body, key);

        var problem = await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        await AssertNothingWrittenAsync(system, account, console, "20.00", ledgerBefore);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debit_on_a_malformed_account_id_is_a_400(DatabaseProvider provider)
    {
        var system = await systems.ForAsync(provider);

        using var response = await system.Billing().PostDebitAsync("acc%20with%20spaces", "5.00", "inv-1", "debit-bad-account");

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_account_id");
    }

    /// <summary>The account on this engine's shared system with a paid Stripe top-up of the amount; returns the system and the account's console.</summary>
    private async Task<(PaymentsSystem System, PaymentsApiClient Console)> FundedAsync(DatabaseProvider provider, string account, string amount)
    {
        var system = await systems.ForAsync(provider);
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, amount);
        return (system, console);
    }

    /// <summary>Asserts a refused debit wrote nothing: the balance as it was, shown and stored; the ledger as it was; no debit posted.</summary>
    private static async Task AssertNothingWrittenAsync(PaymentsSystem system, string account, PaymentsApiClient console, string balance, JsonElement[] ledgerBefore)
    {
        Assert.Equal(balance, await console.BalanceAsync());
        Assert.Equal(BillingSteps.Cents(balance), await system.StoredBalanceAsync(account));
        Assert.Equal(ledgerBefore.Select(l => l.GetRawText()), (await BillingSteps.FullLedgerAsync(console)).Select(l => l.GetRawText()));
        Assert.Equal(0, await system.PostingsAsync(account, "BillingDebit"));
    }

    private static string Body(string amount, string currency, string reference) => PaymentsApiClient.DebitBody(amount, reference, currency);
}
