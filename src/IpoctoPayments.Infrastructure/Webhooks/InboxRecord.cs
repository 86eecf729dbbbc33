using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Webhooks;

/// <summary>One provider event received; the key (provider, event id) is what turns a redelivery into a no-op.</summary>
internal sealed class InboxRecord
{
    public string Provider { get; set; } = "";

    public string EventId { get; set; } = "";

    public string EventType { get; set; } = "";

    public Guid? OrderId { get; set; }

    public string Outcome { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class InboxRecordConfiguration : IEntityTypeConfiguration<InboxRecord>
{
    public void Configure(EntityTypeBuilder<InboxRecord> builder)
    {
        builder.ToTable("webhook_inbox");
        builder.HasKey(i => new { i.Provider, i.EventId });
        builder.Property(i => i.Provider).HasMaxLength(16);
        builder.Property(i => i.EventId).HasMaxLength(255);
        builder.Property(i => i.EventType).HasMaxLength(100);
        builder.Property(i => i.Outcome).HasMaxLength(32);
        builder.HasIndex(i => i.OrderId);
    }
}
