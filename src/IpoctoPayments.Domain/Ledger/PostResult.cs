namespace IpoctoPayments.Domain.Ledger;

/// <summary>The answer of the journal to a posting, after tigerbeetle: an identical resubmission "exists", like "ok".</summary>
public enum PostResult
{
    Posted = 1,
    AlreadyExists = 2,
    /// <summary>Another posting already holds this key with different entries.</summary>
    Conflict = 3,
    /// <summary>A customer balance would go below zero; nothing was posted.</summary>
    InsufficientBalance = 4,
}
