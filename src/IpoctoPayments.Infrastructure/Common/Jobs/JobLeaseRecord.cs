using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Common.Jobs;

/// <summary>
/// One background job's schedule, shared by every instance: when its next pass is due, and which instance runs the
/// current one until when. Times are Unix milliseconds, which every engine compares the same way.
/// </summary>
internal sealed class JobLeaseRecord
{
    public string Job { get; set; } = "";

    /// <summary>The instance running a pass; null between passes.</summary>
    public string? Holder { get; set; }

    /// <summary>Until when the holder has the job; it renews while it runs, so a crashed holder loses it when this passes.</summary>
    public long LeaseUntilUnixMs { get; set; }

    public long DueAtUnixMs { get; set; }
}

internal sealed class JobLeaseRecordConfiguration : IEntityTypeConfiguration<JobLeaseRecord>
{
    public void Configure(EntityTypeBuilder<JobLeaseRecord> builder)
    {
        builder.ToTable("job_leases");
        builder.HasKey(r => r.Job);
        builder.Property(r => r.Job).HasMaxLength(64);
        builder.Property(r => r.Holder).HasMaxLength(128);
    }
}
