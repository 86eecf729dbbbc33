namespace IpoctoPayments.Domain.Common;

/// <summary>An ISO 3166-1 alpha-2 country or region code ("PH", "US").</summary>
public sealed record CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static Result<CountryCode> Parse(string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        return code is { Length: 2 } && code.All(char.IsAsciiLetterUpper)
            ? new CountryCode(code)
            : new DomainError("invalid_country", "A country is a two-letter ISO 3166 code such as PH or US.");
    }

    public override string ToString() => Value;
}
