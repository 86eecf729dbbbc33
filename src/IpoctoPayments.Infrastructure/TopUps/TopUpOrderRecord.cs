using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// A top-up as stored: the columns support looks-ups and listing; <see cref="State"/> holds the whole order as the
/// domain's snapshot (JSON), so the order's rules stay in the domain and nothing is lost between the two.
/// </summary>
internal sealed class TopUpOrderRecord
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string Provider { get; set; } = "";

    public string Status { get; set; } = "";

    public string? SessionId { get; set; }

    public string? PaymentIntentId { get; set; }

    /// <summary>Creation time in Unix milliseconds: sortable the same way on every engine.</summary>
    public long CreatedAtUnixMs { get; set; }

    /// <summary>Refunds asked for and not yet confirmed or failed: reconciliation looks for them.</summary>
    public int OpenRefunds { get; set; }

    /// <summary>Disputes not yet won or lost: the admin list and reconciliation look for them.</summary>
    public int OpenDisputes { get; set; }

    /// <summary>The order's version; a concurrent writer's change makes a save fail instead of being overwritten.</summary>
    public int Version { get; set; }

    public string State { get; set; } = "";
}

internal sealed class TopUpOrderRecordConfiguration : IEntityTypeConfiguration<TopUpOrderRecord>
{
    public void Configure(EntityTypeBuilder<TopUpOrderRecord> builder)
    {
        builder.ToTable("topup_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Number).HasMaxLength(16);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.AccountId).HasMaxLength(64);
        builder.HasIndex(o => new { o.AccountId, o.CreatedAtUnixMs });
        builder.Property(o => o.Provider).HasMaxLength(16);
        builder.Property(o => o.Status).HasMaxLength(32);
        builder.Property(o => o.SessionId).HasMaxLength(255);
        builder.HasIndex(o => o.SessionId);
        builder.Property(o => o.PaymentIntentId).HasMaxLength(255);
        builder.HasIndex(o => o.PaymentIntentId);
        builder.HasIndex(o => o.OpenDisputes);
        builder.HasIndex(o => new { o.Status, o.CreatedAtUnixMs });
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.State);
    }
}
