using System.Security.Cryptography;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Files;

namespace Nege.Candidates.Documents;

/// <summary>A document accepted for a dossier: its kind, its safe name, what its bytes are, and their SHA-256 (lower-case hex).</summary>
public sealed record UploadedDocument(string Kind, string FileName, DocumentFormat Format, byte[] Content, string Sha256);

/// <summary>
/// The rules of a dossier's documents (seed 004: « Curriculum Vitae, lettre de motivation ou de
/// recommandation, certificat, attestation, diplôme »), with their French messages. Pure: no database.
/// </summary>
public static class DocumentRules
{
    /// <summary>One document: 5 Mo.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>All of a dossier's documents together: 20 Mo.</summary>
    public const long MaxDossierBytes = 20L * 1024 * 1024;

    /// <summary>So that a dossier's list stays one short answer.</summary>
    public const int MaxCount = 50;

    public const string FileField = "file";
    public const string KindField = "kind";

    /// <summary>Why a file of <paramref name="size"/> bytes is too large for one document, or null.</summary>
    public static string? TooLarge(long size) => size > MaxBytes
        ? $"Un document ne doit pas dépasser {FileSize.French(MaxBytes)} (ce fichier fait {FileSize.French(size)})."
        : null;

    /// <summary>Why a dossier holding <paramref name="storedBytes"/> cannot take <paramref name="size"/> more, or null.</summary>
    public static string? OverDossierLimit(long storedBytes, long size) => storedBytes + size > MaxDossierBytes
        ? $"Les documents d'un dossier ne doivent pas dépasser {FileSize.French(MaxDossierBytes)} au total : ce dossier en contient déjà "
          + $"{FileSize.French(storedBytes)} et ce fichier fait {FileSize.French(size)}. Supprimez un document devenu inutile avant d'en ajouter un."
        : null;

    /// <summary>Why a dossier holding <paramref name="count"/> documents cannot take one more, or null.</summary>
    public static string? TooMany(int count) => count >= MaxCount
        ? $"Un dossier contient au plus {MaxCount} documents : supprimez-en un devenu inutile avant d'en ajouter un."
        : null;

    /// <summary>
    /// The document, or null with a message per field: the kind from seed 004's list; a file whose
    /// bytes are one of the accepted formats and whose name ends with that format's extension.
    /// The size is checked before (<see cref="TooLarge"/>): it is another answer (413).
    /// </summary>
    public static (UploadedDocument? Document, ValidationErrors Errors) Validate(string? kind, string? fileName, byte[]? content)
    {
        var errors = new ValidationErrors();
        var trimmedKind = kind?.Trim();
        if (string.IsNullOrEmpty(trimmedKind))
        {
            errors.Add(KindField, $"Le type de document est obligatoire ({DossierRules.Choices(CandidateForm.DocumentKinds)}).");
        }
        else if (!CandidateForm.DocumentKinds.Contains(trimmedKind))
        {
            errors.Add(KindField, $"Le type de document « {kind} » n'est pas dans la liste : {DossierRules.Choices(CandidateForm.DocumentKinds)}.");
        }

        if (content is null)
        {
            errors.Add(FileField, $"Joignez le fichier dans le champ « {FileField} » (une partie du formulaire avec un nom de fichier).");
            return (null, errors);
        }

        var safeName = DocumentFileName.Safe(fileName);
        var format = DocumentContent.FormatOf(content, out var refusal);
        if (format is null)
        {
            errors.Add(FileField, refusal!);
        }
        else if (NameRefusal(safeName, format) is { } nameRefusal)
        {
            errors.Add(FileField, nameRefusal);
        }

        return errors.IsEmpty
            ? (new UploadedDocument(trimmedKind!, safeName, format!, content, Convert.ToHexStringLower(SHA256.HashData(content))), errors)
            : (null, errors);
    }

    /// <summary>Why the name does not say what the bytes are, or null: « cv.pdf » must be a PDF.</summary>
    private static string? NameRefusal(string safeName, DocumentFormat format)
    {
        var extension = DocumentFileName.ExtensionOf(safeName);
        if (format.Extensions.Contains(extension))
        {
            return null;
        }

        return extension.Length == 0
            ? $"Le nom « {safeName} » n'a pas d'extension : ce fichier est {format.Name}, nommez-le « {safeName}{format.Extensions[0]} »."
            : $"Le nom « {safeName} » annonce un fichier {extension}, mais son contenu est {format.Name} : "
              + $"renommez-le en {format.Extensions[0]} ou envoyez le bon fichier.";
    }
}
