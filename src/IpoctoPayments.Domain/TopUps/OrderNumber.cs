using System.Security.Cryptography;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// The number a customer quotes to support: "TU-" and ten Crockford base32 characters in two groups, e.g. TU-7K3M9-QX2AB.
/// Fifty random bits keep collisions rare (about one in 200,000 after a million orders); the database's unique index
/// settles the rest. Crockford's alphabet has no I, L, O or U, so a number read aloud or retyped survives.
/// </summary>
public sealed record OrderNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string Prefix = "TU-";
    private const int Characters = 10;

    private OrderNumber(string value) => Value = value;

    public string Value { get; }

    public static OrderNumber New()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return FromBits(BitConverter.ToUInt64(random));
    }

    /// <summary>
    /// The number of the order with this id: the same id always gives the same number, so a retried request that
    /// meets the provider session of an earlier attempt also meets its order number.
    /// </summary>
    public static OrderNumber For(Guid orderId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(orderId.ToByteArray(), hash);
        return FromBits(BitConverter.ToUInt64(hash));
    }

    /// <summary>Reads a number as a customer may type it: any case, with or without dashes or spaces, O for 0, I or L for 1.</summary>
    public static Result<OrderNumber> Parse(string? text)
    {
        var compact = new string((text ?? string.Empty).Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        if (!compact.StartsWith("TU", StringComparison.Ordinal) || compact.Length != 2 + Characters)
            return Invalid(text);

        var symbols = new char[Characters];
        for (var i = 0; i < Characters; i++)
        {
            var symbol = compact[2 + i] switch { 'O' => '0', 'I' or 'L' => '1', var c => c };
            if (!Alphabet.Contains(symbol, StringComparison.Ordinal))
                return Invalid(text);
            symbols[i] = symbol;
        }

        return new OrderNumber(Format(new string(symbols)));
    }

    public override string ToString() => Value;

    internal static OrderNumber FromBits(ulong bits)
    {
        var symbols = new char[Characters];
        for (var i = Characters - 1; i >= 0; i--)
        {
            symbols[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new OrderNumber(Format(new string(symbols)));
    }

    private static string Format(string symbols) => $"{Prefix}{symbols[..5]}-{symbols[5..]}";

    private static DomainError Invalid(string? text) =>
        new("invalid_order_number", $"'{text}' is not an order number; they look like TU-7K3M9-QX2AB.");
}
