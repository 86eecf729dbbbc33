using System.Globalization;
using IpoctoPayments.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var report = await new BenchRun(options).RunAsync();
Console.WriteLine();
Console.WriteLine(report.Table());
if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, report.Json());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Figures written to {Path.GetFullPath(path)}"));
}

foreach (var problem in report.Problems())
{
    Console.Error.WriteLine($"FAILED: {problem}");
}

return report.Problems().Any() ? 1 : 0;
