using System.Globalization;
using Npgsql;

namespace IpoctoPayments.Bench;

/// <summary>Database round trips counted over webhooks sent one at a time.</summary>
internal sealed record RoundTrips(int Webhooks, long Turnarounds)
{
    public double PerWebhook => (double)Turnarounds / Webhooks;
}

/// <summary>
/// Database round trips per webhook, counted exactly rather than estimated. A second API process reaches PostgreSQL
/// through a <see cref="RoundTripProxy"/>: put in the measured run, the proxy's hop would slow every statement and take
/// the bench's CPU, so it is used only here, after the measured phases. The API creates orders and pays a few of them
/// first (opening its pooled connection, preparing its statements); then the counter is reset and the webhooks go one
/// at a time, so every turnaround counted belongs to one of them, and none to start-up, migrations or other requests.
/// </summary>
internal static class RoundTripCalibration
{
    public const int Webhooks = 200;

    // Past Npgsql's auto-prepare threshold (two uses) for every statement of the path, on either provider's webhook.
    private const int WarmUpWebhooks = 20;

    public static async Task<RoundTrips> MeasureAsync(string apiAssembly, BenchKeys keys, BenchAccounts accounts, BenchDatabaseServer database, Uri simulator)
    {
        var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = RoundTripProxy.Start(postgres.Host ?? "localhost", postgres.Port);
        var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
        var settings = keys.ApiSettings(database, simulator, address);
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        await using var api = await ApiProcess.StartAsync(apiAssembly, settings, address, "api-round-trips");
        using var http = PaymentsTraffic.Client([api.Address], 1);
        var traffic = new PaymentsTraffic(http, keys, accounts);
        for (var i = 0; i < WarmUpWebhooks + Webhooks; i++)
        {
            Expect(await traffic.CreateTopUpAsync(CancellationToken.None));
        }

        var webhooks = traffic.Orders.Select(traffic.PaidWebhook).ToArray();
        foreach (var webhook in webhooks[..WarmUpWebhooks])
        {
            Expect(await traffic.SendAsync(webhook, CancellationToken.None));
        }

        proxy.Reset();
        foreach (var webhook in webhooks[WarmUpWebhooks..])
        {
            Expect(await traffic.SendAsync(webhook, CancellationToken.None));
        }

        return new RoundTrips(Webhooks, proxy.Turnarounds);
    }

    private static void Expect(Attempt attempt)
    {
        if (!attempt.Done)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Counting round trips: {attempt.Error}; see the API log."));
        }
    }
}
