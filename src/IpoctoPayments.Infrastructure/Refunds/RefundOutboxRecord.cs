using IpoctoPayments.Infrastructure.Common.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>A refund recorded and not yet sent to its provider; its <see cref="OutboxRecord.Id"/> is the refund's.</summary>
internal sealed class RefundOutboxRecord : OutboxRecord;

internal sealed class RefundOutboxRecordConfiguration : IEntityTypeConfiguration<RefundOutboxRecord>
{
    public void Configure(EntityTypeBuilder<RefundOutboxRecord> builder)
    {
        builder.ToTable("refund_outbox");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("RefundId");
        builder.Property(r => r.LastFailure).HasMaxLength(500);
        builder.HasIndex(r => r.DueAtUnixMs);
    }
}
