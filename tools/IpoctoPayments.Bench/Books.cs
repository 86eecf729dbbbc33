using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IpoctoPayments.Bench;

/// <summary>One account's books as its owner sees them: the balance, the orders its top-up credits name, and its billing debits.</summary>
internal sealed record AccountBook(int Account, long BalanceMinorUnits, IReadOnlyList<Guid> CreditedOrders, int Debits, long DebitedMinorUnits);

/// <summary>
/// Reads every bench account's books through the API, as the console would (<c>GET /api/v1/balance</c>, and
/// <c>GET /api/v1/ledger</c> page by page), rather than from the tables: the check holds whatever the schema becomes.
/// </summary>
internal sealed class AccountBooks(HttpClient http, BenchAccounts accounts)
{
    private const int PageSize = 200;

    public async Task<IReadOnlyList<AccountBook>> ReadAsync(int concurrency)
    {
        var books = new AccountBook[accounts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, accounts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (account, ct) => books[account] = await ReadAsync(account, ct));
        return books;
    }

    private async Task<AccountBook> ReadAsync(int account, CancellationToken cancellationToken)
    {
        using var balance = await GetAsync(account, "/api/v1/balance", cancellationToken);
        var credits = new List<Guid>();
        var debits = 0;
        var debited = 0L;
        long? cursor = null;
        do
        {
            var query = cursor is { } before ? string.Create(CultureInfo.InvariantCulture, $"&cursor={before}") : "";
            using var page = await GetAsync(account, $"/api/v1/ledger?limit={PageSize}{query}", cancellationToken);
            foreach (var line in page.RootElement.GetProperty("items").EnumerateArray())
            {
                switch (line.GetProperty("kind").GetString())
                {
                    case "top_up_credit":
                        credits.Add(line.GetProperty("topUpId").GetGuid());
                        break;
                    case "billing_debit":
                        debits++;
                        debited -= Usd.MinorUnits(line.GetProperty("amount"));
                        break;
                }
            }

            cursor = page.RootElement.GetProperty("nextCursor") is { ValueKind: JsonValueKind.Number } next ? next.GetInt64() : null;
        }
        while (cursor is not null);

        return new AccountBook(account, Usd.MinorUnits(balance.RootElement.GetProperty("available")), credits, debits, debited);
    }

    private async Task<JsonDocument> GetAsync(int account, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accounts.Token(account));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} for {BenchAccounts.Id(account)} answered {(int)response.StatusCode} {await PaymentsTraffic.CodeOf(response)}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }
}

/// <summary>
/// The books against what the bench did: every paid order credited exactly once, every posted debit in the ledger, and
/// each account's balance its paid orders less its posted debits.
/// </summary>
internal sealed record BookCheck(
    int Paid, int Credited, int Missing, long Doubles, int DebitsPosted, int DebitsInLedger, long DebitedMinorUnits, long BalanceMinorUnits, long ExpectedBalanceMinorUnits, int AccountsOff)
{
    public bool Holds => Missing == 0 && Doubles == 0 && AccountsOff == 0 && DebitsInLedger == DebitsPosted && BalanceMinorUnits == ExpectedBalanceMinorUnits;

    public static BookCheck Of(IReadOnlyList<AccountBook> books, IReadOnlyCollection<BenchOrder> paid, IReadOnlyList<PostedDebit> debits)
    {
        var credits = books.SelectMany(b => b.CreditedOrders).CountBy(id => id).ToDictionary();
        var paidIds = paid.Select(o => o.Id).ToHashSet();
        var credited = paidIds.Count(credits.ContainsKey);

        // A second posting for an order, or a credit for an order the bench never paid.
        var doubles = credits.Values.Sum(n => n - 1L) + credits.Keys.Count(id => !paidIds.Contains(id));

        var paidPerAccount = paid.CountBy(o => o.Account).ToDictionary();
        var debitsPerAccount = debits.GroupBy(d => d.Account).ToDictionary(g => g.Key, g => (Count: g.Count(), MinorUnits: g.Sum(d => d.MinorUnits)));
        long Expected(int account) =>
            paidPerAccount.GetValueOrDefault(account) * PaymentsTraffic.OrderMinorUnits - debitsPerAccount.GetValueOrDefault(account).MinorUnits;
        var accountsOff = books.Count(b =>
            b.BalanceMinorUnits != Expected(b.Account)
            || (b.Debits, b.DebitedMinorUnits) != debitsPerAccount.GetValueOrDefault(b.Account));

        return new BookCheck(
            paidIds.Count,
            credited,
            paidIds.Count - credited,
            doubles,
            debits.Count,
            books.Sum(b => b.Debits),
            debits.Sum(d => d.MinorUnits),
            books.Sum(b => b.BalanceMinorUnits),
            books.Sum(b => Expected(b.Account)),
            accountsOff);
    }
}
