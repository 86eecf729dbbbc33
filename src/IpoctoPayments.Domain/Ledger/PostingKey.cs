namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// At most one posting per key: what it is about (the top-up order, or the billing debit) + kind, and the part of it —
/// the refund or the dispute — where an order may have several. The database's unique index on it is what makes a
/// credit happen exactly once.
/// </summary>
public sealed record PostingKey(Guid SubjectId, PostingKind Kind, Guid? PartId = null)
{
    public override string ToString() => PartId is null ? $"{SubjectId}:{Kind}" : $"{SubjectId}:{Kind}:{PartId}";
}
