using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Nege.ServiceDefaults.Files;
using Nege.ServiceDefaults.Http;

namespace Nege.Directory.Contact;

/// <summary>A contact message as the form sent it, checked: the fields' lengths, the sender's address, the CV by its content.</summary>
public sealed record ContactInput(string Name, string Email, string Subject, string Message, ContactCv? Cv);

public sealed record ContactCv(string FileName, DocumentFormat Format, byte[] Content);

public static class ContactRules
{
    public const int NameMaxLength = 100;
    public const int SubjectMaxLength = 150;
    public const int MessageMaxLength = 5_000;
    public const int FileNameMaxLength = 150;
    public const long CvMaxBytes = 5 * 1024 * 1024;

    /// <summary>The honeypot: a field people never see, that robots fill.</summary>
    public const string HoneypotField = "website";

    public static async Task<(ContactInput? Input, ValidationErrors Errors)> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = Text(errors, form, "name", "Votre nom", NameMaxLength);
        var email = Text(errors, form, "email", "Votre adresse e-mail", 254);
        errors.AddIf(email is not null && !EmailAddress.IsValid(email), "email", "L'adresse e-mail n'est pas valide (par exemple prenom.nom@exemple.fr).");
        var subject = Text(errors, form, "subject", "L'objet", SubjectMaxLength);
        var message = Text(errors, form, "message", "Le message", MessageMaxLength);
        var cv = await CvAsync(errors, form.Files.GetFile("cv"), cancellationToken);
        return errors.IsEmpty ? (new ContactInput(name!, email!.ToLowerInvariant(), subject!, message!, cv), errors) : (null, errors);
    }

    public static string ContentHash(string subject, string message) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject.Trim() + "\n" + message.Trim())));

    private static string? Text(ValidationErrors errors, IFormCollection form, string field, string label, int maxLength)
    {
        var value = form[field].ToString().Trim();
        if (value.Length == 0)
        {
            errors.Add(field, $"{label} est obligatoire.");
            return null;
        }

        errors.AddIf(value.Length > maxLength, field, $"{label} fait au plus {maxLength} caractères ({value.Length} saisis).");
        return value;
    }

    private static async Task<ContactCv?> CvAsync(ValidationErrors errors, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null;
        }

        if (file.Length > CvMaxBytes)
        {
            errors.Add("cv", $"Le CV fait au plus {FileSize.French(CvMaxBytes)} (celui-ci fait {FileSize.French(file.Length)}).");
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var format = DocumentContent.FormatOf(content, AcceptedDocuments.Cv, out var refusal);
        if (format is null)
        {
            errors.Add("cv", refusal!);
            return null;
        }

        return new ContactCv(FileName(file.FileName, format), format, content);
    }

    /// <summary>The name the recipient sees: the sender's without its path or odd characters, ending with its content's extension.</summary>
    private static string FileName(string typed, DocumentFormat format)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(typed.Replace('\\', '/')));
        var clean = new string([.. name.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')]).Trim();
        clean = clean.Length == 0 ? "cv" : clean[..Math.Min(clean.Length, FileNameMaxLength - 10)];
        return clean + format.Extensions[0];
    }
}
