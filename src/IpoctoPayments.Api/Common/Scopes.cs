namespace IpoctoPayments.Api.Common;

/// <summary>What a caller's token allows: the console acts for one account; support and admins act across accounts.</summary>
public static class Scopes
{
    /// <summary>Create and read the top-ups, balance and ledger of the token's own account (<c>sub</c>).</summary>
    public const string Account = "payments:account";

    /// <summary>Read any order's timeline by its order number.</summary>
    public const string Support = "payments:support";

    /// <summary>Refund top-ups and run reconciliation.</summary>
    public const string Admin = "payments:admin";

    /// <summary>ipocto's billing: debit any account's balance for what it bought, and cancel those debits.</summary>
    public const string Billing = "payments:billing";

    public const string ClaimType = "scope";
}
