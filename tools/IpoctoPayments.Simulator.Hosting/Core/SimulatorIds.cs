namespace IpoctoPayments.Simulator.Core;

/// <summary>Provider-style ids (<c>cs_test_…</c>, <c>evt_…</c>); seeded from configuration so a test can reproduce them.</summary>
public sealed class SimulatorIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly Lock gate = new();
    private readonly int? seed;
    private Random random;

    public SimulatorIds(int? seed)
    {
        this.seed = seed;
        random = Create(seed);
    }

    public string Next(string prefix, int length = 24)
    {
        Span<char> chars = stackalloc char[length];
        lock (gate)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        }

        return string.Concat(prefix, chars);
    }

    /// <summary>A run of digits, as PayerMax trade tokens and numbers look.</summary>
    public string NextDigits(string prefix, int length)
    {
        Span<char> chars = stackalloc char[length];
        lock (gate)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('0' + random.Next(10));
            }
        }

        return string.Concat(prefix, chars);
    }

    public void Reset()
    {
        lock (gate)
        {
            random = Create(seed);
        }
    }

#pragma warning disable CA5394 // ids of a test double, not secrets
    private static Random Create(int? seed) => seed is { } s ? new Random(s) : new Random();
#pragma warning restore CA5394
}
