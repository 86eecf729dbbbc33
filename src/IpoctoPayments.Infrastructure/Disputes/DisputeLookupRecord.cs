using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Disputes;

/// <summary>
/// Which order a dispute belongs to: the dispute lives inside its order's stored state, and an operator names it by its
/// own id. Written by the order repository when it saves an order with a dispute it did not have.
/// </summary>
internal sealed class DisputeLookupRecord
{
    public Guid DisputeId { get; set; }

    public Guid OrderId { get; set; }

    public string ProviderDisputeId { get; set; } = "";
}

internal sealed class DisputeLookupRecordConfiguration : IEntityTypeConfiguration<DisputeLookupRecord>
{
    public void Configure(EntityTypeBuilder<DisputeLookupRecord> builder)
    {
        builder.ToTable("topup_disputes");
        builder.HasKey(d => d.DisputeId);
        builder.Property(d => d.ProviderDisputeId).HasMaxLength(255);
        builder.HasIndex(d => d.OrderId);
    }
}
