using BenchmarkDotNet.Attributes;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Benchmarks;

/// <summary>Money as the API reads and writes it: "20.00" + "USD" to minor units and back.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private readonly string amount = "1234.56";
    private readonly string currency = "USD";
    private readonly Money money = Money.Parse("1234.56", "USD").Value;

    [Benchmark(Description = "Money.Parse(\"1234.56\", \"USD\")")]
    public Result<Money> Parse() => Money.Parse(amount, currency);

    [Benchmark(Description = "Money.ToMajorUnitString()")]
    public string Format() => money.ToMajorUnitString();

    [Benchmark(Description = "MoneyView.From(money)")]
    public MoneyView View() => MoneyView.From(money);
}
