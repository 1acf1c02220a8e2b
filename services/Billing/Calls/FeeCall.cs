using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Billing.Members;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Data;

namespace Nege.Billing.Calls;

public enum FeeCallStatus
{
    Issued,
    PartiallyPaid,
    Paid,
    Cancelled,
}

public enum FeeCallReason
{
    Admission,
    Renewal,
}

/// <summary>
/// An « appel de cotisation »: a member's fee for a year, under a gapless number, with its computation and its PDF
/// frozen as issued. Never deleted: a mistake is cancelled by a <see cref="CreditNote"/>.
/// </summary>
public sealed class FeeCall
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    public int Year { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>The member as it was when called (its name may change later; the call does not).</summary>
    public required string OrganisationName { get; init; }

    public required string Category { get; init; }

    public required List<string> Territories { get; init; }

    public required string ReferentName { get; init; }

    public required string ReferentEmail { get; init; }

    public FeeCallReason Reason { get; init; }

    public required FeeQuoteView Computation { get; init; }

    public long AmountCents { get; init; }

    public long PaidCents { get; private set; }

    public FeeCallStatus Status { get; private set; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly DueOn { get; init; }

    /// <summary>The document as issued; written once (<see cref="Freeze"/>), never again.</summary>
    public byte[] Pdf { get; private set; } = [];

    public long OutstandingCents => Status == FeeCallStatus.Cancelled ? 0 : AmountCents - PaidCents;

    /// <summary>Nothing is due on a call of 0 € (a free start-up, a partner's agreement at 0 €): it is paid as soon as it is issued.</summary>
    public static FeeCallStatus InitialStatus(long amountCents) => amountCents == 0 ? FeeCallStatus.Paid : FeeCallStatus.Issued;

    /// <summary>Reminders sent after the due date (the first at D+30, the second at D+60 by default).</summary>
    public int RemindersSent { get; private set; }

    /// <summary>Its non-payment made the membership lapse (until it is paid or cancelled).</summary>
    public bool CausedLapse { get; private set; }

    public bool IsOpen => Status is FeeCallStatus.Issued or FeeCallStatus.PartiallyPaid;

    public void Cancel() => Status = FeeCallStatus.Cancelled;

    /// <summary>Adds a payment; the caller has checked it does not exceed what remains due.</summary>
    public void RecordPayment(long cents)
    {
        if (!IsOpen || cents <= 0 || cents > OutstandingCents)
        {
            throw new InvalidOperationException($"A payment of {cents} cents does not fit fee call {Number} ({Status}, {OutstandingCents} due).");
        }

        PaidCents += cents;
        Status = PaidCents == AmountCents ? FeeCallStatus.Paid : FeeCallStatus.PartiallyPaid;
    }

    /// <summary>The reminders up to the <paramref name="reminder"/>th are sent (one missed while the service was down counts as sent).</summary>
    public void RemindedUpTo(int reminder) => RemindersSent = Math.Max(RemindersSent, reminder);

    public void Lapsed() => CausedLapse = true;

    public static string FileName(string number) => $"appel-de-cotisation-{number}.pdf";

    public static string StatusCode(FeeCallStatus status) => status switch
    {
        FeeCallStatus.Issued => "issued",
        FeeCallStatus.PartiallyPaid => "partially_paid",
        FeeCallStatus.Paid => "paid",
        _ => "cancelled",
    };

    public static FeeCallStatus? StatusFromCode(string code) => code switch
    {
        "issued" => FeeCallStatus.Issued,
        "partially_paid" => FeeCallStatus.PartiallyPaid,
        "paid" => FeeCallStatus.Paid,
        "cancelled" => FeeCallStatus.Cancelled,
        _ => null,
    };

    public static string StatusLabel(FeeCallStatus status) => status switch
    {
        FeeCallStatus.Issued => "À régler",
        FeeCallStatus.PartiallyPaid => "Partiellement réglé",
        FeeCallStatus.Paid => "Réglé",
        _ => "Annulé par avoir",
    };

    public static string ReasonCode(FeeCallReason reason) => reason == FeeCallReason.Admission ? "admission" : "renewal";

    public static string ReasonLabel(FeeCallReason reason) => reason == FeeCallReason.Admission ? "Adhésion" : "Renouvellement de l'adhésion";

    public static FeeCall Issue(
        Guid id, string number, int year, BillingMember member, FeeCallReason reason, FeeQuoteView computation, DateTimeOffset issuedAt, DateOnly dueOn) => new()
    {
        Id = id,
        Number = number,
        Year = year,
        OrganisationId = member.OrganisationId,
        OrganisationName = member.Name,
        Category = member.Category,
        Territories = [.. member.Territories],
        ReferentName = member.ReferentName,
        ReferentEmail = member.ReferentEmail,
        Reason = reason,
        Computation = computation,
        AmountCents = computation.AmountCents,
        Status = InitialStatus(computation.AmountCents),
        IssuedAt = issuedAt,
        IssuedOn = ParisTime.DateOf(issuedAt),
        DueOn = dueOn,
    };

    public void Freeze(byte[] pdf)
    {
        if (Pdf.Length > 0)
        {
            throw new InvalidOperationException($"The fee call {Number} is issued: its PDF never changes.");
        }

        Pdf = pdf;
    }
}

/// <summary>An « avoir »: cancels a whole fee call issued by mistake, under its own gapless number.</summary>
public sealed class CreditNote
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    public int Year { get; init; }

    public Guid FeeCallId { get; init; }

    public long AmountCents { get; init; }

    public required string Reason { get; init; }

    public required string IssuedBy { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateOnly IssuedOn { get; init; }

    public byte[] Pdf { get; private set; } = [];

    public void Freeze(byte[] pdf)
    {
        if (Pdf.Length > 0)
        {
            throw new InvalidOperationException($"The credit note {Number} is issued: its PDF never changes.");
        }

        Pdf = pdf;
    }

    public static string FileName(string number) => $"avoir-{number}.pdf";
}

internal sealed class FeeCallConfiguration : IEntityTypeConfiguration<FeeCall>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<FeeCall> call)
    {
        call.ToTable("fee_calls");
        call.HasKey(c => c.Id);
        call.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        call.Property(c => c.Number).HasColumnName("number").HasMaxLength(20);
        call.HasIndex(c => c.Number).IsUnique();
        call.Property(c => c.Year).HasColumnName("year");
        call.Property(c => c.OrganisationId).HasColumnName("organisation_id");
        call.HasOne<BillingMember>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // A member is called once a year: another call for the year only once this one is cancelled.
        call.HasIndex(c => new { c.OrganisationId, c.Year }).IsUnique().HasFilter("status <> 'Cancelled'");
        call.Property(c => c.OrganisationName).HasColumnName("organisation_name").HasMaxLength(200);
        call.Property(c => c.Category).HasColumnName("category").HasMaxLength(60);
        call.Property(c => c.Territories).HasColumnName("territories");
        call.Property(c => c.ReferentName).HasColumnName("referent_name").HasMaxLength(200);
        call.Property(c => c.ReferentEmail).HasColumnName("referent_email").HasMaxLength(254);
        call.Property(c => c.Reason).HasColumnName("reason").HasConversion<string>().HasMaxLength(20);
        call.Property(c => c.Computation).HasColumnName("computation").HasColumnType("jsonb")
            .HasConversion(
                quote => JsonSerializer.Serialize(quote, Json),
                json => JsonSerializer.Deserialize<FeeQuoteView>(json, Json)!);
        call.Property(c => c.AmountCents).HasColumnName("amount_cents");
        call.Property(c => c.PaidCents).HasColumnName("paid_cents");
        call.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        call.Property(c => c.IssuedAt).HasColumnName("issued_at");
        call.Property(c => c.IssuedOn).HasColumnName("issued_on");
        call.Property(c => c.DueOn).HasColumnName("due_on");
        call.Property(c => c.Pdf).HasColumnName("pdf");
        call.Property(c => c.RemindersSent).HasColumnName("reminders_sent");
        call.Property(c => c.CausedLapse).HasColumnName("caused_lapse");
        call.Ignore(c => c.OutstandingCents);
        call.Ignore(c => c.IsOpen);
        call.ToTable(table => table.HasCheckConstraint("ck_fee_calls_paid", "paid_cents >= 0 AND paid_cents <= amount_cents"));
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> note)
    {
        note.ToTable("credit_notes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        note.Property(n => n.Number).HasColumnName("number").HasMaxLength(20);
        note.HasIndex(n => n.Number).IsUnique();
        note.Property(n => n.Year).HasColumnName("year");
        note.Property(n => n.FeeCallId).HasColumnName("fee_call_id");
        note.HasIndex(n => n.FeeCallId).IsUnique();
        note.HasOne<FeeCall>().WithMany().HasForeignKey(n => n.FeeCallId).OnDelete(DeleteBehavior.Restrict);
        note.Property(n => n.AmountCents).HasColumnName("amount_cents");
        note.Property(n => n.Reason).HasColumnName("reason").HasMaxLength(500);
        note.Property(n => n.IssuedBy).HasColumnName("issued_by").HasMaxLength(200);
        note.Property(n => n.IssuedAt).HasColumnName("issued_at");
        note.Property(n => n.IssuedOn).HasColumnName("issued_on");
        note.Property(n => n.Pdf).HasColumnName("pdf");
    }
}
