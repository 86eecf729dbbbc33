using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Common;

internal sealed class IdempotencyRecordEntity
{
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public string Operation { get; set; } = "";

    public string RequestHash { get; set; } = "";

    public Guid ResourceId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecordEntity>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecordEntity> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Operation).HasMaxLength(32);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}

/// <summary>Caller keys, saved in the same transaction as the work they name; a concurrent twin fails on the key and retries into a replay.</summary>
internal sealed class IdempotencyRecords(PaymentsDbContext db) : IIdempotencyRecords
{
    // Asked on every top-up and refund.
    private static readonly CompiledQuery<Func<PaymentsDbContext, string, string, CancellationToken, Task<IdempotencyRecordEntity?>>> ByKey = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, string scope, string key, CancellationToken _) =>
            context.Set<IdempotencyRecordEntity>().AsNoTracking().FirstOrDefault(r => r.Scope == scope && r.Key == key)));

    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var entity = await ByKey.For(db)(db, scope, key, cancellationToken);
        return entity is null ? null : new IdempotencyRecord(entity.Scope, entity.Key, entity.Operation, entity.RequestHash, entity.ResourceId, entity.CreatedAt);
    }

    public void Add(IdempotencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        db.Set<IdempotencyRecordEntity>().Add(new IdempotencyRecordEntity
        {
            Scope = record.Scope,
            Key = record.Key,
            Operation = record.Operation,
            RequestHash = record.RequestHash,
            ResourceId = record.ResourceId,
            CreatedAt = record.CreatedAt,
        });
    }
}
