using System.Globalization;

namespace IpoctoPayments.Bench;

/// <summary>One bench run: database, simulator and API up; pgbench, the scenarios, pgbench again; everything torn down.</summary>
internal sealed class BenchRun(BenchOptions options)
{
    private const double DuplicateShare = 0.10;

    public async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport(options, Machine.Describe());
        Console.WriteLine(report.Header());

        using var keys = new BenchKeys();
        await using var database = await BenchDatabaseServer.CreateAsync(options.Database, options.Postgres);
        await using var simulator = await SimulatorHost.StartAsync(keys);
        var apiAddress = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
        await using var api = await ApiProcess.StartAsync(options.ApiAssembly ?? ApiProcess.DefaultAssembly(), keys.ApiSettings(database, simulator.Address, apiAddress), apiAddress);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API pid {api.ProcessId} on {api.Address} ({database.ApiProvider}), simulator on {simulator.Address}, API log {api.LogPath}"));
        using var traffic = new PaymentsTraffic(api.Address, keys, options.Concurrency);
        string Status() => string.Create(CultureInfo.InvariantCulture, $"API {api.WorkingSet() / 1048576.0:0} MB");

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

        if (options.RunsWebhooks)
        {
            var result = await WebhooksAsync(traffic, database, api, Status);
            report.Scenarios.Add(result);
        }

        if (pgbench is not null)
        {
            report.PgbenchAfter = await MeasurePgbenchAsync(pgbench, "after");
        }

        return report;
    }

    private async Task<ScenarioReport> WebhooksAsync(PaymentsTraffic traffic, BenchDatabaseServer database, ApiProcess api, Func<string> status)
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

        // Each order's webhook once, in order; one request in ten is a redelivery of an event already sent (possibly still in flight).
        var next = 0;
        async Task<Attempt> Send(CancellationToken ct)
        {
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

        var paid = orders.Take(Math.Min(next, orders.Length)).Select(o => o.Id).ToHashSet();
        return new ScenarioReport("webhooks", result, peak, cpu, Check(await database.ReadBooksAsync(), paid));
    }

    private static CreditCheck Check(Books books, HashSet<Guid> paid)
    {
        var credited = paid.Count(books.CreditsPerOrder.ContainsKey);
        var doublePostings = books.CreditsPerOrder.Values.Sum(n => n - 1);
        var unexpected = books.CreditsPerOrder.Keys.Count(id => !paid.Contains(id));
        var expectedBalance = paid.Count * PaymentsTraffic.OrderMinorUnits;
        var excess = Math.Max(0, books.BalanceMinorUnits - expectedBalance) / PaymentsTraffic.OrderMinorUnits;
        return new CreditCheck(paid.Count, credited, paid.Count - credited, Math.Max(doublePostings, excess) + unexpected, books.BalanceMinorUnits, expectedBalance);
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
