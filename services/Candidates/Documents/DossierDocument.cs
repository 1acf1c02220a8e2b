using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.ServiceDefaults.Files;

namespace Nege.Candidates.Documents;

/// <summary>
/// A document of a dossier (a CV, a diploma…), as stored: what it is and who sent it. Its bytes are
/// in <see cref="DossierDocumentContent"/>, a table of their own, so that listing a dossier's
/// documents never reads them. Erasing the dossier erases its documents.
/// </summary>
public sealed class DossierDocument
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    /// <summary>One of <see cref="Nege.Contracts.Candidates.CandidateForm.DocumentKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The sender's name for it, made safe (<see cref="DocumentFileName"/>).</summary>
    public required string FileName { get; init; }

    /// <summary>What its bytes are (<see cref="DocumentContent"/>), never what the sender declared.</summary>
    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public Guid UploadedByOrganisationId { get; init; }

    /// <summary>The partner's client that sent it (its system), or null when a person did in the extranet.</summary>
    public string? UploadedByClientId { get; init; }

    /// <summary>Who sent it, as the dossier's log names them: the partner's system, or the adviser.</summary>
    public string? UploadedByName { get; init; }

    /// <summary>The stored document and its bytes, for a dossier.</summary>
    public static (DossierDocument Document, DossierDocumentContent Content) Store(
        Dossier dossier, UploadedDocument upload, Guid organisationId, string? clientId, DossierActor by, DateTimeOffset now)
    {
        var document = new DossierDocument
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossier.Id,
            Kind = upload.Kind,
            FileName = upload.FileName,
            ContentType = upload.Format.ContentType,
            Size = upload.Content.LongLength,
            Sha256 = upload.Sha256,
            UploadedAt = now,
            UploadedByOrganisationId = organisationId,
            UploadedByClientId = clientId,
            UploadedByName = by.Name,
        };
        dossier.DocumentsChanged(now);
        return (document, new DossierDocumentContent { DocumentId = document.Id, Content = upload.Content });
    }
}

/// <summary>A document's bytes (<c>bytea</c>), read only to download it.</summary>
public sealed class DossierDocumentContent
{
    public Guid DocumentId { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> document)
    {
        document.ToTable("dossier_documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        document.Property(d => d.DossierId).HasColumnName("dossier_id");
        document.HasIndex(d => d.DossierId);
        document.Property(d => d.Kind).HasColumnName("kind").HasMaxLength(40);
        document.Property(d => d.FileName).HasColumnName("file_name").HasMaxLength(DocumentFileName.MaxLength);
        document.Property(d => d.ContentType).HasColumnName("content_type").HasMaxLength(100);
        document.Property(d => d.Size).HasColumnName("size");
        document.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        document.Property(d => d.UploadedAt).HasColumnName("uploaded_at");
        document.Property(d => d.UploadedByOrganisationId).HasColumnName("uploaded_by_organisation_id");
        document.Property(d => d.UploadedByClientId).HasColumnName("uploaded_by_client_id").HasMaxLength(100);
        document.Property(d => d.UploadedByName).HasColumnName("uploaded_by_name").HasMaxLength(250);
        document.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierDocumentContentConfiguration : IEntityTypeConfiguration<DossierDocumentContent>
{
    public void Configure(EntityTypeBuilder<DossierDocumentContent> content)
    {
        content.ToTable("dossier_document_contents");
        content.HasKey(c => c.DocumentId);
        content.Property(c => c.DocumentId).HasColumnName("document_id").ValueGeneratedNever();
        content.Property(c => c.Content).HasColumnName("content").HasColumnType("bytea");
        content.HasOne<DossierDocument>().WithOne().HasForeignKey<DossierDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
