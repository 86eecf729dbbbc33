using System.Globalization;

namespace IpoctoPayments.Bench;

/// <summary>One bench run: database, simulator and API up; pgbench, the scenarios, pgbench again; everything torn down.</summary>
internal sealed class BenchRun(BenchOptions options)
{
    // Of the webhooks, redeliveries of an event already sent; of the debits, replays of a key already posted.
    private const double DuplicateShare = 0.10;

    public async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport(options, Machine.Describe());
        Console.WriteLine(report.Header());

        using var keys = new BenchKeys();
        await using var database = await BenchDatabaseServer.CreateAsync(options.Database, options.Postgres);
        await using var simulator = await SimulatorHost.StartAsync(keys);
        var apiAssembly = options.ApiAssembly ?? ApiProcess.DefaultAssembly();
        await using var api = await ApiInstances.StartAsync(apiAssembly, options.Instances, keys, database, simulator.Address);
        foreach (var instance in api.Processes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API pid {instance.ProcessId} on {instance.Address} ({database.ApiProvider}), log {instance.LogPath}"));
        }

        Console.WriteLine($"Simulator on {simulator.Address}");

        // The bench sends the providers' webhooks itself (the simulator sends none here), in turn to every instance like the rest.
        using var http = PaymentsTraffic.Client(api.Addresses, options.Concurrency);
        var accounts = new BenchAccounts(keys, options.Accounts);
        var traffic = new PaymentsTraffic(http, keys, accounts);
        string Status() => $"API {api.WorkingSets()} MB";

        await using var pgbench = options.Database == BenchDatabase.Postgres ? await StartPgbenchAsync() : null;
        if (pgbench is not null)
        {
            report.PgbenchBefore = await MeasurePgbenchAsync(pgbench, "before");
        }

        if (options.RunsCreate)
        {
            await WarmUpAsync("create", traffic.CreateTopUpAsync, Status);
            var cpu = api.CpuTime();
            var result = await LoadRunner.RunAsync("create", options.Concurrency, options.Duration, traffic.CreateTopUpAsync, Status);
            report.Scenarios.Add(new ScenarioReport("create", result, api.PeakWorkingSet(), api.CpuTime() - cpu, null));
        }

        var debits = options.DebitsPer10 > 0 ? new BillingDebits(http, keys, accounts, options.DebitsPer10, DuplicateShare) : null;
        var webhooks = options.RunsWebhooks ? await WebhooksAsync(traffic, debits, new AccountBooks(http, accounts), api, Status) : null;

        if (pgbench is not null)
        {
            report.PgbenchAfter = await MeasurePgbenchAsync(pgbench, "after");
        }

        if (webhooks is not null)
        {
            report.Debits = debits?.Tally();
            report.Scenarios.Add(webhooks);
        }

        if (database.Kind == BenchDatabase.Postgres)
        {
            var trips = await CountRoundTripsAsync(apiAssembly, keys, accounts, database, simulator.Address, webhooks is not null);
            report.AttachRoundTrips("create", trips.Creates);
            if (trips.Webhooks is { } paid)
            {
                report.AttachRoundTrips("webhooks", paid);
            }
        }

        return report;
    }

    private async Task<ScenarioReport> WebhooksAsync(PaymentsTraffic traffic, BillingDebits? debits, AccountBooks books, ApiInstances api, Func<string> status)
    {
        if (traffic.Orders.Count < options.Orders)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Creating {options.Orders - traffic.Orders.Count:N0} orders for the webhooks to pay…"));
            var preparation = await LoadRunner.RunAsync(
                "orders", options.Concurrency, TimeSpan.FromHours(1),
                ct => traffic.Orders.Count >= options.Orders ? Task.FromResult(Attempt.Exhausted) : traffic.CreateTopUpAsync(ct),
                status);
            var reasons = string.Join(", ", preparation.ErrorReasons.Select(r => $"{r.Key} ×{r.Value}"));
            if (preparation.Completed == 0)
            {
                throw new InvalidOperationException($"Not one order could be created: {reasons}");
            }

            if (preparation.Errors > 0)
            {
                // Not the measured scenario: reported, and the webhooks pay the orders that were created.
                Console.WriteLine($"{preparation.Errors} orders could not be created ({reasons}); see the API log.");
            }
        }

        var orders = traffic.Orders.ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Signing {orders.Length:N0} webhooks…"));
        var webhooks = new Webhook[orders.Length];
        Parallel.For(0, orders.Length, i => webhooks[i] = traffic.PaidWebhook(orders[i]));

        // Each order's webhook once, in order; one request in ten is a redelivery of an event already sent (possibly
        // still in flight). With --debits-per-10, that many requests in ten are billing debits instead.
        var next = 0;
        async Task<Attempt> Send(CancellationToken ct)
        {
            if (debits is not null && Random.Shared.Next(10) < options.DebitsPer10)
            {
                return await debits.DebitAsync(ct);
            }

            var sent = Math.Min(Volatile.Read(ref next), webhooks.Length);
            if (sent > 0 && Random.Shared.NextDouble() < DuplicateShare)
            {
                return await traffic.SendAsync(webhooks[Random.Shared.Next(sent)], ct);
            }

            var index = Interlocked.Increment(ref next) - 1;
            return index < webhooks.Length ? await traffic.SendAsync(webhooks[index], ct) : Attempt.Exhausted;
        }

        await WarmUpAsync("webhooks", Send, status);
        var cpuBefore = api.CpuTime();
        var result = await LoadRunner.RunAsync("webhooks", options.Concurrency, options.Duration, Send, status);
        var cpu = api.CpuTime() - cpuBefore;
        var peak = api.PeakWorkingSet();
        if (result.RanOut)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Every order was paid after {result.Elapsed.TotalSeconds:0.0} s; pass a larger --orders to fill --duration."));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reading the books of {options.Accounts:N0} accounts through the API…"));
        var paid = orders.Take(Math.Min(next, orders.Length)).ToArray();
        var check = BookCheck.Of(await books.ReadAsync(options.Concurrency), paid, debits?.Posted() ?? []);
        return new ScenarioReport("webhooks", result, peak, cpu, check);
    }

    private static async Task<RoundTripCounts> CountRoundTripsAsync(
        string apiAssembly, BenchKeys keys, BenchAccounts accounts, BenchDatabaseServer database, Uri simulator, bool webhooks)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Counting database round trips: a second API through a counting proxy, {RoundTripCalibration.Counted} top-ups{(webhooks ? " and their paid webhooks" : "")} one at a time (not measured for speed)…"));
        var trips = await RoundTripCalibration.MeasureAsync(apiAssembly, keys, accounts, database, simulator, webhooks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {trips.Creates.PerRequest:0.00} per top-up created{(trips.Webhooks is { } paid ? $", {paid.PerRequest:0.00} per paid webhook" : "")}"));
        return trips;
    }

    private async Task WarmUpAsync(string name, Func<CancellationToken, Task<Attempt>> operation, Func<string> status)
    {
        if (options.Warmup > TimeSpan.Zero)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warming up {name} for {options.Warmup.TotalSeconds:0} s (not measured)…"));
            await LoadRunner.RunAsync("warm-up", options.Concurrency, options.Warmup, operation, status);
        }
    }

    private async Task<Pgbench> StartPgbenchAsync()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Initialising pgbench (scale {options.Concurrency})…"));
        return await Pgbench.InitialiseAsync(options.Postgres!, options.Concurrency);
    }

    private async Task<double> MeasurePgbenchAsync(Pgbench pgbench, string when)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench {when}: tpcb-like, {options.Concurrency} clients, {options.Duration.TotalSeconds:0} s…"));
        var tps = await pgbench.MeasureAsync(options.Concurrency, options.Duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pgbench    {tps:N0} tps"));
        return tps;
    }
}
