using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Billing.Calls;

public enum PaymentMethod
{
    Transfer,
    Cheque,
    Card,
}

/// <summary>Money received for a fee call, as the treasurer recorded it. Payments add up; none exceeds what remains due.</summary>
public sealed class Payment
{
    public const int ReferenceMaxLength = 100;

    public Guid Id { get; init; }

    public Guid FeeCallId { get; init; }

    public long AmountCents { get; init; }

    public DateOnly PaidOn { get; init; }

    public PaymentMethod Method { get; init; }

    public string? Reference { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public static readonly IReadOnlyDictionary<string, PaymentMethod> Methods = new Dictionary<string, PaymentMethod>(StringComparer.Ordinal)
    {
        ["transfer"] = PaymentMethod.Transfer,
        ["cheque"] = PaymentMethod.Cheque,
        ["card"] = PaymentMethod.Card,
    };

    public static string Code(PaymentMethod method) => Methods.Single(m => m.Value == method).Key;

    public static string Label(PaymentMethod method) => method switch
    {
        PaymentMethod.Transfer => "Virement",
        PaymentMethod.Cheque => "Chèque",
        _ => "Carte bancaire",
    };
}

/// <summary>The « reçu » of a fee call paid in full: numbered without gaps per year, its PDF frozen.</summary>
public sealed class Receipt
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    public int Year { get; init; }

    public Guid FeeCallId { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateOnly IssuedOn { get; init; }

    public byte[] Pdf { get; private set; } = [];

    public void Freeze(byte[] pdf)
    {
        if (Pdf.Length > 0)
        {
            throw new InvalidOperationException($"The receipt {Number} is issued: its PDF never changes.");
        }

        Pdf = pdf;
    }

    public static string FileName(string number) => $"recu-{number}.pdf";
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments", table => table.HasCheckConstraint("ck_payments_amount", "amount_cents > 0"));
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        payment.Property(p => p.FeeCallId).HasColumnName("fee_call_id");
        payment.HasIndex(p => p.FeeCallId);
        payment.HasOne<FeeCall>().WithMany().HasForeignKey(p => p.FeeCallId).OnDelete(DeleteBehavior.Restrict);
        payment.Property(p => p.AmountCents).HasColumnName("amount_cents");
        payment.Property(p => p.PaidOn).HasColumnName("paid_on");
        payment.Property(p => p.Method).HasColumnName("method").HasConversion<string>().HasMaxLength(20);
        payment.Property(p => p.Reference).HasColumnName("reference").HasMaxLength(Payment.ReferenceMaxLength);
        payment.Property(p => p.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        payment.Property(p => p.RecordedAt).HasColumnName("recorded_at");
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> receipt)
    {
        receipt.ToTable("receipts");
        receipt.HasKey(r => r.Id);
        receipt.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        receipt.Property(r => r.Number).HasColumnName("number").HasMaxLength(20);
        receipt.HasIndex(r => r.Number).IsUnique();
        receipt.Property(r => r.Year).HasColumnName("year");
        receipt.Property(r => r.FeeCallId).HasColumnName("fee_call_id");
        receipt.HasIndex(r => r.FeeCallId).IsUnique();
        receipt.HasOne<FeeCall>().WithMany().HasForeignKey(r => r.FeeCallId).OnDelete(DeleteBehavior.Restrict);
        receipt.Property(r => r.IssuedAt).HasColumnName("issued_at");
        receipt.Property(r => r.IssuedOn).HasColumnName("issued_on");
        receipt.Property(r => r.Pdf).HasColumnName("pdf");
    }
}
