using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IpoctoPayments.Infrastructure.Ledger;

/// <summary>One ledger transaction. Its <see cref="Key"/> (subject + kind + part) is unique: the exactly-once guarantee.</summary>
internal sealed class PostingRecord
{
    /// <summary>Orders the ledger; given by the database.</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// Given by the service, so the entries that point at it go to the database in the same batch as the posting
    /// (pointing at <see cref="Sequence"/> would make them wait for the posting's insert to answer).
    /// </summary>
    public Guid Id { get; set; }

    public string Key { get; set; } = "";

    /// <summary>The top-up order, or the billing debit, the posting is about.</summary>
    public Guid SubjectId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The refund or dispute of the order, for kinds an order may have several of.</summary>
    public Guid? PartId { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public string? Reference { get; set; }

    public List<EntryRecord> Entries { get; set; } = [];
}

/// <summary>One line of a posting; never changed once written.</summary>
internal sealed class EntryRecord
{
    public long Id { get; set; }

    public Guid PostingId { get; set; }

    public string AccountType { get; set; } = "";

    public string AccountOwner { get; set; } = "";

    public string Currency { get; set; } = "";

    public string Side { get; set; } = "";

    public long MinorUnits { get; set; }
}

/// <summary>
/// A customer's balance, kept in the same transaction as the entries it sums. Written only by
/// <see cref="BalanceStatements"/>' single conditional statements, never read and written back.
/// </summary>
internal sealed class BalanceRecord
{
    public string AccountId { get; set; } = "";

    public string Currency { get; set; } = "";

    /// <summary>Signed: below zero only by what disputes withdrew.</summary>
    public long MinorUnits { get; set; }

    /// <summary>What disputes still open or lost withdrew; how far below zero the balance may be.</summary>
    public long DisputedMinorUnits { get; set; }
}

internal sealed class PostingRecordConfiguration : IEntityTypeConfiguration<PostingRecord>
{
    public void Configure(EntityTypeBuilder<PostingRecord> builder)
    {
        builder.ToTable("ledger_postings");
        builder.HasKey(p => p.Sequence);
        builder.Property(p => p.Sequence).ValueGeneratedOnAdd();
        builder.Property(p => p.Key).HasMaxLength(120);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.HasAlternateKey(p => p.Id);
        builder.Property(p => p.Kind).HasMaxLength(32);
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.PostingId).HasPrincipalKey(p => p.Id);
    }
}

internal sealed class EntryRecordConfiguration : IEntityTypeConfiguration<EntryRecord>
{
    public void Configure(EntityTypeBuilder<EntryRecord> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.AccountType).HasMaxLength(32);
        builder.Property(e => e.AccountOwner).HasMaxLength(64);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.Side).HasMaxLength(8);
        builder.HasIndex(e => new { e.AccountType, e.AccountOwner, e.Currency });
    }
}

internal sealed class BalanceRecordConfiguration : IEntityTypeConfiguration<BalanceRecord>
{
    public void Configure(EntityTypeBuilder<BalanceRecord> builder)
    {
        builder.ToTable("customer_balances", t =>
        {
            // Below zero only by what disputes withdrew: every other debit is conditional, and a chargeback adds to both columns.
            t.HasCheckConstraint("ck_customer_balances_not_negative", "\"MinorUnits\" + \"DisputedMinorUnits\" >= 0");
            t.HasCheckConstraint("ck_customer_balances_disputed_not_negative", "\"DisputedMinorUnits\" >= 0");
        });
        builder.HasKey(b => new { b.AccountId, b.Currency });
        builder.Property(b => b.AccountId).HasMaxLength(64);
        builder.Property(b => b.Currency).HasMaxLength(3);
    }
}
