using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Common.RateLimiting;

/// <summary>
/// A key's current window and the permits taken from it. One row per key, reused window after window, so the table
/// holds no more rows than there are keys. The window start is in Unix milliseconds, which every engine compares the
/// same way.
/// </summary>
internal sealed class RateLimitWindowRecord
{
    public string Key { get; set; } = "";

    public long WindowStartUnixMs { get; set; }

    public int Taken { get; set; }
}

internal sealed class RateLimitWindowRecordConfiguration : IEntityTypeConfiguration<RateLimitWindowRecord>
{
    public void Configure(EntityTypeBuilder<RateLimitWindowRecord> builder)
    {
        builder.ToTable("rate_limit_windows");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(128);
    }
}
