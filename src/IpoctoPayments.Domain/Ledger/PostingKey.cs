namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// At most one posting per key: what it is about (the top-up order, or the billing debit) + kind, and the refund for
/// refund postings, since an order may have several partial refunds. The database's unique index on it is what makes a
/// credit happen exactly once.
/// </summary>
public sealed record PostingKey(Guid SubjectId, PostingKind Kind, Guid? RefundId = null)
{
    public override string ToString() => RefundId is null ? $"{SubjectId}:{Kind}" : $"{SubjectId}:{Kind}:{RefundId}";
}
