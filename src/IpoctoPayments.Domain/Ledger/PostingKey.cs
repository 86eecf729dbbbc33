namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// At most one posting per key (order + kind, and the refund for refund postings, since an order may have several
/// partial refunds). The database's unique index on it is what makes a credit happen exactly once.
/// </summary>
public sealed record PostingKey(Guid OrderId, PostingKind Kind, Guid? RefundId = null)
{
    public override string ToString() => RefundId is null ? $"{OrderId}:{Kind}" : $"{OrderId}:{Kind}:{RefundId}";
}
