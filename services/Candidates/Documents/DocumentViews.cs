using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Audit;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.ServiceDefaults.Files;

namespace Nege.Candidates.Documents;

public static class DocumentViews
{
    public static DossierDocumentView Of(DossierDocument document) => new(
        document.Id,
        document.DossierId,
        document.Kind,
        document.FileName,
        document.ContentType,
        document.Size,
        document.Sha256,
        document.UploadedAt,
        document.UploadedByClientId)
    {
        UploadedBy = document.UploadedByName,
    };

    public static DossierDocumentsView ListOf(IReadOnlyList<DossierDocument> documents) => new(
        [.. documents.Select(Of)],
        documents.Sum(d => d.Size),
        DocumentRules.MaxDossierBytes,
        DocumentRules.MaxBytes,
        DocumentRules.MaxCount);

    public static Task<List<DossierDocument>> OfDossierAsync(CandidatesDbContext db, Guid dossierId, CancellationToken cancellationToken) =>
        db.DossierDocuments.AsNoTracking().Where(d => d.DossierId == dossierId)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
}

/// <summary>A document's bytes, to someone the dossier's rules let read them; a person's download is audited.</summary>
public static class DocumentDownloads
{
    public const string DocumentNotFound = "Ce document n'existe pas dans ce dossier.";

    /// <summary>The file, or null when the dossier has no such document.</summary>
    public static async Task<FileContentHttpResult?> ServeAsync(
        CandidatesDbContext db, Guid dossierId, Guid documentId, ClaimsPrincipal reader, HttpResponse response, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var document = await db.DossierDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.DossierId == dossierId)
            .Select(d => new
            {
                d.Kind,
                d.ContentType,
                d.FileName,
                Content = db.DossierDocumentContents.Where(c => c.DocumentId == d.Id).Select(c => c.Content).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        if (reader.IsPerson())
        {
            db.RecordRead(reader, dossierId, PersonalDataKinds.Document, now, $"{document.Kind} : {document.FileName}");
            await db.SaveChangesAsync(cancellationToken);
        }

        // Personal data, served as a download of the type recognised at upload, never guessed again by a browser.
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(document.Content!, document.ContentType, document.FileName);
    }
}
