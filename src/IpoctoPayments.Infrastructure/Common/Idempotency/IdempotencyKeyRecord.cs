using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Common.Idempotency;

/// <summary>
/// A caller's key: the request that claimed it, and its first answer once it has one. Times the statements compare
/// are Unix milliseconds, which every engine compares the same way.
/// </summary>
internal sealed class IdempotencyKeyRecord
{
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public string Operation { get; set; } = "";

    public string RequestHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Names the request holding the key, so only it completes or frees it.</summary>
    public string ClaimToken { get; set; } = "";

    /// <summary>Until when the running request holds the key; null once it has answered.</summary>
    public long? LockedUntilUnixMs { get; set; }

    public long ExpiresAtUnixMs { get; set; }

    /// <summary>The first answer, as JSON; null while the request runs.</summary>
    public string? Response { get; set; }
}

internal sealed class IdempotencyKeyRecordConfiguration : IEntityTypeConfiguration<IdempotencyKeyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Operation).HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ClaimToken).HasMaxLength(32);
        builder.HasIndex(r => r.ExpiresAtUnixMs);
    }
}
