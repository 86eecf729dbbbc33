using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// A top-up's amount held against its account's 24 hours from before its provider is asked: the order it stands for
/// is recorded only after the provider answered. Keyed by the order's id, so a retry of the same request finds it.
/// </summary>
internal sealed class TopUpReservationRecord
{
    public Guid OrderId { get; set; }

    public string AccountId { get; set; } = "";

    /// <summary>The top-up's amount in minor units of the balance currency.</summary>
    public long AmountMinorUnits { get; set; }

    public long ReservedAtUnixMs { get; set; }
}

/// <summary>
/// One row per account that has reserved, rewritten by every reservation: the row lock its write takes is what makes
/// the account's reservations wait for each other on every engine.
/// </summary>
internal sealed class TopUpLimitAccountRecord
{
    public string AccountId { get; set; } = "";

    public long LastReservedAtUnixMs { get; set; }
}

internal sealed class TopUpReservationRecordConfiguration : IEntityTypeConfiguration<TopUpReservationRecord>
{
    public void Configure(EntityTypeBuilder<TopUpReservationRecord> builder)
    {
        builder.ToTable("topup_reservations");
        builder.HasKey(r => r.OrderId);
        builder.Property(r => r.AccountId).HasMaxLength(64);
        builder.HasIndex(r => new { r.AccountId, r.ReservedAtUnixMs });
    }
}

internal sealed class TopUpLimitAccountRecordConfiguration : IEntityTypeConfiguration<TopUpLimitAccountRecord>
{
    public void Configure(EntityTypeBuilder<TopUpLimitAccountRecord> builder)
    {
        builder.ToTable("topup_limit_accounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).HasMaxLength(64);
    }
}
