using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Infrastructure.Common.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Disputes;

/// <summary>An operator's answer to a dispute, recorded and not yet sent; the evidence itself stays on the order.</summary>
internal sealed class DisputeActionRecord : OutboxRecord
{
    public Guid DisputeId { get; set; }

    public DisputeAction Action { get; set; }
}

internal sealed class DisputeActionRecordConfiguration : IEntityTypeConfiguration<DisputeActionRecord>
{
    public void Configure(EntityTypeBuilder<DisputeActionRecord> builder)
    {
        builder.ToTable("dispute_outbox");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.LastFailure).HasMaxLength(500);
        builder.HasIndex(r => r.DueAtUnixMs);
    }
}
