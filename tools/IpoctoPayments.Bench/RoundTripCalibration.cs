using System.Globalization;
using Npgsql;

namespace IpoctoPayments.Bench;

/// <summary>Database round trips counted over requests of one kind sent one at a time.</summary>
internal sealed record RoundTrips(int Requests, long Turnarounds)
{
    public double PerRequest => (double)Turnarounds / Requests;
}

/// <summary>The round trips of a top-up's creation, and of its paid webhook when the webhooks scenario ran.</summary>
internal sealed record RoundTripCounts(RoundTrips Creates, RoundTrips? Webhooks);

/// <summary>
/// Database round trips per top-up created and per paid webhook, counted exactly rather than estimated. A second API process reaches PostgreSQL
/// through a <see cref="RoundTripProxy"/>: put in the measured run, the proxy's hop would slow every statement and take
/// the bench's CPU, so it is used only here, after the measured phases. Each kind of request is first sent a few times
/// (opening the pooled connection, preparing its statements); then the counter is reset and the counted ones go one at
/// a time, so every turnaround counted belongs to one of them, and none to start-up, migrations or other requests.
/// </summary>
internal static class RoundTripCalibration
{
    public const int Counted = 200;

    // Past Npgsql's auto-prepare threshold (two uses) for every statement of the path, on either provider.
    private const int WarmUp = 20;

    public static async Task<RoundTripCounts> MeasureAsync(
        string apiAssembly, BenchKeys keys, BenchAccounts accounts, BenchDatabaseServer database, Uri simulator, bool webhooks)
    {
        var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = RoundTripProxy.Start(postgres.Host ?? "localhost", postgres.Port);
        var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
        var settings = keys.ApiSettings(database, simulator, address);
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        // The background jobs off, so that every turnaround counted is a request's.
        foreach (var job in new[] { "RefundDispatch:Interval", "DisputeDispatch:Interval", "Idempotency:CleanupInterval", "TopUps:Limits:CleanupInterval" })
        {
            settings[job] = "00:00:00";
        }

        await using var api = await ApiProcess.StartAsync(apiAssembly, settings, address, "api-round-trips");
        using var http = PaymentsTraffic.Client([api.Address], 1);
        var traffic = new PaymentsTraffic(http, keys, accounts);
        var creates = await CountAsync(proxy, Enumerable.Repeat(traffic.CreateTopUpAsync, WarmUp + Counted));
        if (!webhooks)
        {
            return new RoundTripCounts(creates, null);
        }

        var paid = traffic.Orders.Select(traffic.PaidWebhook).Select(webhook => (Func<CancellationToken, Task<Attempt>>)(ct => traffic.SendAsync(webhook, ct)));
        return new RoundTripCounts(creates, await CountAsync(proxy, paid));
    }

    /// <summary>Sends the first <see cref="WarmUp"/> uncounted, then counts the round trips of the rest.</summary>
    private static async Task<RoundTrips> CountAsync(RoundTripProxy proxy, IEnumerable<Func<CancellationToken, Task<Attempt>>> requests)
    {
        var all = requests.ToArray();
        foreach (var request in all[..WarmUp])
        {
            Expect(await request(CancellationToken.None));
        }

        proxy.Reset();
        foreach (var request in all[WarmUp..])
        {
            Expect(await request(CancellationToken.None));
        }

        return new RoundTrips(all.Length - WarmUp, proxy.Turnarounds);
    }

    private static void Expect(Attempt attempt)
    {
        if (!attempt.Done)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Counting round trips: {attempt.Error}; see the API log."));
        }
    }
}
