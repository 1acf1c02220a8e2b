using Nege.Contracts.Api.Candidates;

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
        document.UploadedByClientId);

    public static DossierDocumentsView ListOf(IReadOnlyList<DossierDocument> documents) => new(
        [.. documents.Select(Of)],
        documents.Sum(d => d.Size),
        DocumentRules.MaxDossierBytes,
        DocumentRules.MaxBytes,
        DocumentRules.MaxCount);
}
