using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IpoctoPayments.Bench;

/// <summary>A debit the service posted: its key and body, so a replay can send them again, and the id it answered with.</summary>
internal sealed record PostedDebit(string Key, int Account, long MinorUnits, string Reference, string Id);

/// <summary>
/// ipocto billing spending the accounts' balances: <c>POST /api/v1/accounts/{account}/debits</c> with the billing
/// scope and an <c>Idempotency-Key</c>, to an account drawn at random. A refusal for insufficient balance is an answer
/// the service owes, counted and not an error; a replay of a key already posted must answer its first answer again (201,
/// <c>Idempotent-Replayed</c>) with the same debit.
/// </summary>
internal sealed class BillingDebits
{
    public const string InsufficientBalance = "insufficient_balance";

    private readonly HttpClient http;
    private readonly BenchAccounts accounts;
    private readonly double replayShare;
    private readonly long meanMinorUnits;
    private readonly string token;
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<PostedDebit> posted = [];
    private readonly Lock postedLock = new();
    private long sent;
    private long refused;
    private long replayed;

    /// <summary>
    /// <paramref name="debitsPer10"/> requests in ten are debits and the rest webhooks; <paramref name="replayShare"/> is
    /// the share of webhooks that are redeliveries, and of debits that are replays.
    /// </summary>
    public BillingDebits(HttpClient http, BenchKeys keys, BenchAccounts accounts, int debitsPer10, double replayShare)
    {
        this.http = http;
        this.accounts = accounts;
        this.replayShare = replayShare;
        token = keys.BillingToken();

        // Amounts run from 0.01 to twice a mean a quarter above what the webhooks credit per debit (webhooks and debits
        // are repeated in the same share, so (10 - k) / k orders per new debit): balances hover near zero, so debits meet
        // balances that do not hold them and a steady share is refused, on one hot account as on a thousand.
        meanMinorUnits = PaymentsTraffic.OrderMinorUnits * (10 - debitsPer10) * 5 / (4 * debitsPer10);
    }

    public async Task<Attempt> DebitAsync(CancellationToken cancellationToken)
    {
        if (Random.Shared.NextDouble() < replayShare && AnyPosted() is { } earlier)
        {
            return await ReplayAsync(earlier, cancellationToken);
        }

        var n = Interlocked.Increment(ref sent);
        var key = string.Create(CultureInfo.InvariantCulture, $"bench-debit-{run}-{n}");
        var reference = string.Create(CultureInfo.InvariantCulture, $"inv-{run}-{n}");
        var account = Random.Shared.Next(accounts.Count);
        var minorUnits = Random.Shared.NextInt64(1, 2 * meanMinorUnits);
        using var response = await SendAsync(key, account, minorUnits, reference, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var (id, status) = await DebitOf(response, cancellationToken);
            if (status != "posted")
            {
                return Attempt.Failed($"debit 201 {status}");
            }

            lock (postedLock)
            {
                posted.Add(new PostedDebit(key, account, minorUnits, reference, id));
            }

            return Attempt.Ok;
        }

        var code = await PaymentsTraffic.CodeOf(response);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity && code == InsufficientBalance)
        {
            Interlocked.Increment(ref refused);
            return Attempt.Refused(code);
        }

        return Attempt.Failed($"debit {(int)response.StatusCode} {code}");
    }

    /// <summary>Every debit posted so far, warm-up included: what the books must show.</summary>
    public IReadOnlyList<PostedDebit> Posted()
    {
        lock (postedLock)
        {
            return [.. posted];
        }
    }

    public DebitTally Tally() => new(Posted().Count, Interlocked.Read(ref refused), Interlocked.Read(ref replayed));

    private async Task<Attempt> ReplayAsync(PostedDebit debit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(debit.Key, debit.Account, debit.MinorUnits, debit.Reference, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created || !response.Headers.Contains("Idempotent-Replayed"))
        {
            return Attempt.Failed($"debit replay {(int)response.StatusCode} {await PaymentsTraffic.CodeOf(response)}");
        }

        if ((await DebitOf(response, cancellationToken)).Id != debit.Id)
        {
            return Attempt.Failed("debit replay with another debit");
        }

        Interlocked.Increment(ref replayed);
        return Attempt.Ok;
    }

    private PostedDebit? AnyPosted()
    {
        lock (postedLock)
        {
            return posted.Count == 0 ? null : posted[Random.Shared.Next(posted.Count)];
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string key, int account, long minorUnits, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/accounts/{BenchAccounts.Id(account)}/debits")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { amount = new { amount = Usd.Text(minorUnits), currency = "USD" }, reference })),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<(string Id, string? Status)> DebitOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return (json.RootElement.GetProperty("id").ToString(), json.RootElement.GetProperty("status").GetString());
    }
}

/// <summary>Debits posted, refused for insufficient balance and replayed (answered again with the same debit), warm-up included.</summary>
internal sealed record DebitTally(int Posted, long Refused, long Replayed);
