using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>A refund recorded and not yet sent to its provider. Times are Unix milliseconds: compared the same way on every engine.</summary>
internal sealed class RefundOutboxRecord
{
    public Guid RefundId { get; set; }

    public Guid OrderId { get; set; }

    /// <summary>When the refund may be sent (again).</summary>
    public long DueAtUnixMs { get; set; }

    /// <summary>Until when one instance holds it; null or past: free to lease.</summary>
    public long? LeasedUntilUnixMs { get; set; }

    /// <summary>Sends that failed because the provider could not be reached; the wait before the next doubles with each.</summary>
    public int FailedAttempts { get; set; }

    public string? LastFailure { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

internal sealed class RefundOutboxRecordConfiguration : IEntityTypeConfiguration<RefundOutboxRecord>
{
    public void Configure(EntityTypeBuilder<RefundOutboxRecord> builder)
    {
        builder.ToTable("refund_outbox");
        builder.HasKey(r => r.RefundId);
        builder.Property(r => r.LastFailure).HasMaxLength(500);
        builder.HasIndex(r => r.DueAtUnixMs);
    }
}
