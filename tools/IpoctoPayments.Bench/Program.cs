using System.Globalization;
using IpoctoPayments.Bench;

return await BenchOptions.RunAsync(args, Console.Out, Console.Error, async (options, cancellationToken) =>
{
    var report = await new BenchRun(options).RunAsync();
    Console.WriteLine();
    Console.WriteLine(report.Table());
    if (options.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, report.Json(), cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Figures written to {Path.GetFullPath(path)}"));
    }

    foreach (var problem in report.Problems())
    {
        await Console.Error.WriteLineAsync($"FAILED: {problem}");
    }

    return report.Problems().Any() ? 1 : 0;
});
