using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Billing.Calls;

/// <summary>The last number given in a series for a year.</summary>
public sealed class DocumentSequence
{
    public required string Series { get; init; }

    public int Year { get; init; }

    public int Last { get; init; }
}

/// <summary>
/// Numbers that are unique, chronological and gapless per series and year, as an auditor expects of fee calls and
/// credit notes. The counter's row is incremented inside the transaction that writes the document, and stays locked
/// until it commits: concurrent issuers take their numbers one after the other, and a rollback gives its number back.
/// </summary>
public static class DocumentNumbers
{
    public const string FeeCalls = "fee-call";
    public const string CreditNotes = "credit-note";
    public const string Receipts = "receipt";

    /// <summary>The next number of the series; call it inside the transaction that saves the numbered document.</summary>
    public static async Task<int> NextAsync(BillingDbContext db, string series, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        }

        // Not composed by EF (an INSERT cannot be a subquery): read as a list.
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO document_sequences (series, year, last) VALUES ({series}, {year}, 1)
            ON CONFLICT (series, year) DO UPDATE SET last = document_sequences.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers.Single();
    }

    public static string FeeCallNumber(int year, int sequence) => $"{year}-{sequence:0000}";

    public static string CreditNoteNumber(int year, int sequence) => $"AV-{year}-{sequence:0000}";

    public static string ReceiptNumber(int year, int sequence) => $"R-{year}-{sequence:0000}";
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> sequence)
    {
        sequence.ToTable("document_sequences");
        sequence.HasKey(s => new { s.Series, s.Year });
        sequence.Property(s => s.Series).HasColumnName("series").HasMaxLength(40);
        sequence.Property(s => s.Year).HasColumnName("year");
        sequence.Property(s => s.Last).HasColumnName("last");
    }
}
