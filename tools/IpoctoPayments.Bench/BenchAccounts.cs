using System.Globalization;

namespace IpoctoPayments.Bench;

/// <summary>The ipocto accounts the bench tops up and debits, <c>bench-0000</c> on, each with its console token.</summary>
internal sealed class BenchAccounts(BenchKeys keys, int count)
{
    private readonly string[] tokens = [.. Enumerable.Range(0, count).Select(i => keys.TokenFor(Id(i)))];

    public int Count => tokens.Length;

    public static string Id(int account) => string.Create(CultureInfo.InvariantCulture, $"bench-{account:D4}");

    public string Token(int account) => tokens[account];
}
