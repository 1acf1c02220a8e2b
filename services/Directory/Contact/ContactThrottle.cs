using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Http;

namespace Nege.Directory.Contact;

/// <summary>
/// The form's limits, counted in the database over the last <see cref="ContactOptions.Window"/> so that every replica
/// sees the same counts: per sender's address, per company, per client address. Two messages at the very same instant
/// may both pass the last place; the limits are against floods, not exact quotas.
/// </summary>
public static class ContactThrottle
{
    public static async Task<TooManyMessagesProblem?> RefusalAsync(
        DirectoryDbContext db, ContactOptions options, Guid organisationId, string senderEmail, string clientAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - options.Window;
        var recent = db.ContactMessages.Where(m => m.SentAt > since);
        var limits = new (IQueryable<ContactMessage> Messages, int Limit, string Detail)[]
        {
            (recent.Where(m => m.SenderEmail == senderEmail), options.PerSender, "Vous avez envoyé beaucoup de messages depuis cette adresse e-mail"),
            (recent.Where(m => m.OrganisationId == organisationId), options.PerCompany, "Cet organisme a reçu beaucoup de messages"),
            (recent.Where(m => m.ClientAddress == clientAddress), options.PerClientAddress, "Beaucoup de messages sont partis de votre connexion"),
        };
        foreach (var (messages, limit, detail) in limits)
        {
            var sent = await messages.OrderByDescending(m => m.SentAt).Select(m => m.SentAt).Take(limit).ToListAsync(cancellationToken);
            if (sent.Count >= limit)
            {
                // Room again once the oldest of the last « limit » messages leaves the window.
                var retryAfter = sent[^1] + options.Window - now;
                return new TooManyMessagesProblem($"{detail} : réessayez dans {Minutes(retryAfter)}.", retryAfter);
            }
        }

        return null;
    }

    private static string Minutes(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "une minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
    }
}

/// <summary>A 429 with its French detail and <c>Retry-After</c>, in seconds.</summary>
public sealed class TooManyMessagesProblem(string detail, TimeSpan retryAfter)
    : ProblemAnswer(StatusCodes.Status429TooManyRequests, "Trop de messages.", detail), IResult, IEndpointMetadataProvider
{
    public TimeSpan RetryAfter => retryAfter;

    Task IResult.ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
}
