using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Audit;

/// <summary>What of a candidate's personal data a person read.</summary>
public static class PersonalDataKinds
{
    public const string Dossier = "dossier";

    /// <summary>RQTH/BOE: health data, read only by those who need it.</summary>
    public const string HealthData = "health_data";

    public const string Document = "document";

    /// <summary>A member company read the contact details of a candidate who agreed to be contacted.</summary>
    public const string Contact = "contact";
    public const string Export = "export";
}

/// <summary>
/// One read of a candidate's personal data by a person (seed 004: every such read is logged). The
/// table is append-only: the database refuses to update or delete its rows (see the migration).
/// </summary>
public sealed class PersonalDataRead
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid AccountId { get; init; }

    public required string ReaderName { get; init; }

    public Guid DossierId { get; init; }

    public required string What { get; init; }

    public string? Detail { get; init; }
}

public static class AuditLog
{
    public const string Table = "personal_data_reads";

    /// <summary>Adds the read to the context: saved with whatever the request saves, or by the caller.</summary>
    public static void RecordRead(this CandidatesDbContext db, ClaimsPrincipal reader, Guid dossierId, string what, DateTimeOffset at, string? detail = null) =>
        db.PersonalDataReads.Add(new PersonalDataRead
        {
            At = at,
            AccountId = reader.CallerId() ?? Guid.Empty,
            ReaderName = reader.CallerName(),
            DossierId = dossierId,
            What = what,
            Detail = detail,
        });
}

public static class DossierReads
{
    /// <summary>A person read a dossier's contents: one row, and one more when its health data (RQTH/BOE) was shown.</summary>
    public static void RecordDossierRead(this CandidatesDbContext db, ClaimsPrincipal reader, Guid dossierId, bool healthDataShown, DateTimeOffset at)
    {
        db.RecordRead(reader, dossierId, PersonalDataKinds.Dossier, at);
        if (healthDataShown)
        {
            db.RecordRead(reader, dossierId, PersonalDataKinds.HealthData, at, "RQTH/BOE");
        }
    }
}

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> read)
    {
        read.ToTable(AuditLog.Table);
        read.HasKey(r => r.Id);
        read.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        read.Property(r => r.At).HasColumnName("at");
        read.Property(r => r.AccountId).HasColumnName("account_id");
        read.Property(r => r.ReaderName).HasColumnName("reader_name").HasMaxLength(200);
        read.Property(r => r.DossierId).HasColumnName("dossier_id");
        read.HasIndex(r => r.DossierId);
        read.HasIndex(r => r.AccountId);
        read.Property(r => r.What).HasColumnName("what").HasMaxLength(20);
        read.Property(r => r.Detail).HasColumnName("detail").HasMaxLength(500);
    }
}
