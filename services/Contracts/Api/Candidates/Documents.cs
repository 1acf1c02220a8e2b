namespace Nege.Contracts.Api.Candidates;

// The documents of a dossier (CV, letters, certificates, diplomas…), as the partner that submitted
// it sends and reads them. A document is sent as multipart/form-data (fields « file » and « kind »);
// its bytes are downloaded on their own, never inside these shapes, and never travel in events.

/// <summary>A document of a dossier, without its bytes.</summary>
/// <param name="Kind">One of seed 004's kinds: « Curriculum Vitae », « Lettre de motivation », « Lettre de recommandation », « Certificat », « Attestation », « Diplôme ».</param>
/// <param name="FileName">The sender's file name, made safe (no folder, no invisible characters); its extension matches the content.</param>
/// <param name="ContentType">What the bytes are, as the platform recognised them (never the type the sender declared).</param>
/// <param name="Size">In bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hexadecimal: compare it with the file you sent.</param>
/// <param name="UploadedByClientId">The partner's client that sent it; null when an adviser did in the extranet.</param>
public sealed record DossierDocumentView(
    Guid Id,
    Guid DossierId,
    string Kind,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset UploadedAt,
    string? UploadedByClientId)
{
    /// <summary>Who sent it, as the dossier's history names them: « Système du partenaire (client) », or the adviser's name.</summary>
    public string? UploadedBy { get; init; }
}

/// <summary>A dossier's documents, oldest first, and how much room is left.</summary>
/// <param name="TotalSize">The documents' sizes added up, in bytes.</param>
/// <param name="MaxTotalSize">The most a dossier's documents may add up to, in bytes.</param>
/// <param name="MaxDocumentSize">The most one document may weigh, in bytes.</param>
/// <param name="MaxCount">The most documents a dossier may hold.</param>
public sealed record DossierDocumentsView(
    IReadOnlyList<DossierDocumentView> Documents,
    long TotalSize,
    long MaxTotalSize,
    long MaxDocumentSize,
    int MaxCount);
