namespace IpoctoPayments.Domain.Common;

/// <summary>The ipocto account that owns a balance and its top-ups.</summary>
public sealed record AccountId
{
    private AccountId(string value) => Value = value;

    public string Value { get; }

    /// <summary>1–64 letters, digits, '-' or '_': safe in ledger account names and provider metadata.</summary>
    public static Result<AccountId> Parse(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? new AccountId(value)
            : new DomainError("invalid_account_id", "An account id is 1 to 64 letters, digits, '-' or '_'.");

    public override string ToString() => Value;
}
