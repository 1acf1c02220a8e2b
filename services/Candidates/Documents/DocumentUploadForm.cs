using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.Documents;

/// <summary>What an upload's form says: the kind, the file's name as sent, its bytes (null when no file came).</summary>
public sealed record DocumentUploadForm(string? Kind, string? FileName, byte[]? Content)
{
    /// <summary>
    /// The form's envelope (JSON for the matrix of callers, say, or a form without multipart), its
    /// parts and their number: what is not a file under <c>file</c> and a value under <c>kind</c> is
    /// reported per field. A file over the limit is refused before its bytes are copied.
    /// </summary>
    public static async Task<DocumentUploadFormRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return DocumentUploadFormRead.Invalid(ValidationErrors.Single("",
                $"Le document s'envoie en multipart/form-data, avec les champs « {DocumentRules.FileField} » (le fichier) et « {DocumentRules.KindField} » (son type)."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DocumentUploadFormRead.TooLarge($"Un document ne doit pas dépasser {FileSize.French(DocumentRules.MaxBytes)}.");
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return DocumentUploadFormRead.Invalid(ValidationErrors.Single("", "Le formulaire multipart n'a pas pu être lu : vérifiez son format et renvoyez-le."));
        }

        var errors = new ValidationErrors();
        foreach (var name in form.Keys.Where(k => k != DocumentRules.KindField && k != DocumentRules.FileField)
                     .Concat(form.Files.Select(f => f.Name).Where(n => n != DocumentRules.FileField)).Distinct(StringComparer.Ordinal))
        {
            errors.Add(name, "Ce champ n'est pas attendu.");
        }

        var kinds = form[DocumentRules.KindField];
        errors.AddIf(kinds.Count > 1, DocumentRules.KindField, "Un seul type de document par envoi.");
        var files = form.Files.GetFiles(DocumentRules.FileField);
        if (files.Count > 1)
        {
            return DocumentUploadFormRead.Invalid(errors.Add(DocumentRules.FileField, "Un seul fichier par envoi."));
        }

        if (files.Count == 0)
        {
            return DocumentUploadFormRead.Read(new DocumentUploadForm(kinds.FirstOrDefault(), null, null), errors);
        }

        var file = files[0];
        if (DocumentRules.TooLarge(file.Length) is { } tooLarge)
        {
            return DocumentUploadFormRead.TooLarge(tooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return DocumentUploadFormRead.Read(new DocumentUploadForm(kinds.FirstOrDefault(), file.FileName, content), errors);
    }
}

/// <summary>The form (maybe with per-field errors already), or why it could not be read: per-field errors, or a 413.</summary>
public sealed record DocumentUploadFormRead(DocumentUploadForm? Form, ValidationErrors Errors, PayloadTooLargeProblem? TooLargeProblem)
{
    public static DocumentUploadFormRead Read(DocumentUploadForm form, ValidationErrors errors) => new(form, errors, null);

    public static DocumentUploadFormRead Invalid(ValidationErrors errors) => new(null, errors, null);

    public static DocumentUploadFormRead TooLarge(string detail) => new(null, new ValidationErrors(), new PayloadTooLargeProblem(detail));
}
