using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Directory;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Directory.Contact;

/// <summary>
/// « Écrire au responsable RH »: a visitor's message (and CV) to a member company, relayed by Notifications to its HR
/// contact, whose address the visitor never sees.
/// </summary>
public static class ContactEndpoints
{
    /// <summary>The form's fields and a CV of 5 MB, with room for the multipart's boundaries.</summary>
    private const long MaxBodyBytes = ContactRules.CvMaxBytes + 256 * 1024;

    public static IEndpointRouteBuilder MapContact(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(DirectoryEndpoints.Route + "/{id:guid}/messages", SendAsync).AllowEveryone().DisableAntiforgery().WithTags("Annuaire")
            .WithSummary("Écrire au responsable RH d'un organisme adhérent (multipart : name, email, subject, message, cv facultatif)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));

        // Notifications' download, by the token its event carries; the gateway does not route it to visitors.
        routes.MapGet(ContactAttachment.DownloadPath(Guid.Empty).Replace(Guid.Empty.ToString(), "{id:guid}", StringComparison.Ordinal), CvAsync)
            .AllowEveryone().WithTags("Annuaire").WithSummary("Le CV d'un message, pour son relais par e-mail (en-tête Nege-Download-Token)");
        return routes;
    }

    private static async Task<Results<Accepted<ContactMessageAccepted>, ValidationProblem, NotFoundProblem, ConflictProblem, TooManyMessagesProblem>> SendAsync(
        HttpRequest request, DirectoryDbContext db, TimeProvider clock, IOptions<ContactOptions> options, Guid id, CancellationToken cancellationToken)
    {
        var organisation = await DirectorySearch.Listed(db).Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Name, o.HrContactName, o.HrContactEmail }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return Problems.NotFound("Cet organisme ne figure pas dans l'annuaire.");
        }

        if (!request.HasFormContentType)
        {
            return ValidationErrors.Single("message", "Envoyez le formulaire (multipart/form-data) avec votre nom, votre adresse e-mail, l'objet et le message.").ToProblem();
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBodyBytes }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return ValidationErrors.Single("cv", $"Le CV fait au plus {FileSize.French(ContactRules.CvMaxBytes)}.").ToProblem();
        }

        // A robot filled the field people do not see: it is told the message left, and nothing is sent.
        if (!string.IsNullOrWhiteSpace(form[ContactRules.HoneypotField]))
        {
            return TypedResults.Accepted((string?)null, new ContactMessageAccepted(NewId.NextGuid(), organisation.Name));
        }

        var (input, errors) = await ContactRules.ReadAsync(form, cancellationToken);
        if (input is null)
        {
            return errors.ToProblem();
        }

        if (organisation.HrContactEmail is null)
        {
            return Problems.Conflict("Messages indisponibles", $"{organisation.Name} ne reçoit pas encore de messages par l'annuaire.");
        }

        var now = clock.GetUtcNowForDatabase();
        var today = ParisTime.DateOf(now);
        var hash = ContactRules.ContentHash(input.Subject, input.Message);
        if (await db.ContactMessages.AnyAsync(m => m.OrganisationId == id && m.SenderEmail == input.Email && m.ContentHash == hash && m.SentOn == today, cancellationToken))
        {
            return SameMessage(organisation.Name);
        }

        var client = ClientAddress(request);
        if (await ContactThrottle.RefusalAsync(db, options.Value, id, input.Email, client, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var message = new ContactMessage
        {
            Id = NewId.NextSequentialGuid(),
            OrganisationId = id,
            SenderName = input.Name,
            SenderEmail = input.Email,
            Subject = input.Subject,
            Message = input.Message,
            ContentHash = hash,
            SentOn = today,
            SentAt = now,
            ClientAddress = client,
            CvFileName = input.Cv?.FileName,
            CvContentType = input.Cv?.Format.ContentType,
            Cv = input.Cv?.Content,
            CvSha256 = input.Cv is { } cv ? Convert.ToHexStringLower(SHA256.HashData(cv.Content)) : null,
            DownloadToken = input.Cv is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        };
        db.ContactMessages.Add(message);
        db.AddToOutbox(new CompanyContactRequested(message.Id, id, organisation.Name, organisation.HrContactName ?? organisation.Name, organisation.HrContactEmail,
            message.SenderName, message.SenderEmail, message.Subject, message.Message,
            message.Cv is null ? null : new ContactAttachment(message.CvFileName!, message.CvContentType!, message.Cv.LongLength, message.CvSha256!, message.DownloadToken!),
            now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return SameMessage(organisation.Name);
        }

        return TypedResults.Accepted((string?)null, new ContactMessageAccepted(message.Id, organisation.Name));
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem, ForbiddenProblem>> CvAsync(
        DirectoryDbContext db, HttpRequest request, Guid id, CancellationToken cancellationToken)
    {
        var cv = await db.ContactMessages.AsNoTracking().Where(m => m.Id == id && m.Cv != null)
            .Select(m => new { m.Cv, m.CvContentType, m.CvFileName, m.DownloadToken }).SingleOrDefaultAsync(cancellationToken);
        if (cv is null)
        {
            return Problems.NotFound("Ce CV n'existe pas ou a été effacé.");
        }

        // 403, not 404: Notifications sends a message whose CV was erased without it, but retries a refused download.
        var token = System.Text.Encoding.ASCII.GetBytes(request.Headers[ContactAttachment.TokenHeader].ToString());
        return CryptographicOperations.FixedTimeEquals(token, System.Text.Encoding.ASCII.GetBytes(cv.DownloadToken!))
            ? TypedResults.File(cv.Cv!, cv.CvContentType, cv.CvFileName)
            : Problems.Forbidden("Le jeton de téléchargement de ce CV n'est pas le bon.");
    }

    private static ConflictProblem SameMessage(string organisationName) =>
        Problems.Conflict("Message déjà envoyé", $"Vous avez déjà envoyé ce message à {organisationName} aujourd'hui : il lui a été transmis.");

    /// <summary>The visitor's address: the first the gateway or the site forwarded, else the connection's.</summary>
    private static string ClientAddress(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var address = forwarded.Length > 0 ? forwarded[0] : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        return address[..Math.Min(address.Length, 64)];
    }
}
