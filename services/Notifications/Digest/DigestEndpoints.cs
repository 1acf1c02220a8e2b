using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Notifications;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Notifications.Digest;

/// <summary>
/// The digest's unsubscribe link, public (its signature is the proof): <c>GET</c> shows a page with a button, so that a
/// link scanner following it unsubscribes no one; <c>POST</c> (the button, or a mail client's one-click of RFC 8058)
/// unsubscribes.
/// </summary>
public static class DigestEndpoints
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapNewsDigest(this IEndpointRouteBuilder routes)
    {
        var unsubscribe = routes.MapGroup(UnsubscribeLinks.Path).WithTags("Lettre d'actualités").AllowEveryone();
        unsubscribe.MapGet("/", ConfirmationPage)
            .WithSummary("La page du lien de désabonnement de la lettre quotidienne : un bouton pour confirmer");
        unsubscribe.MapPost("/", UnsubscribeAsync).DisableAntiforgery()
            .WithSummary("Désabonne de la lettre quotidienne (le bouton de la page, ou le désabonnement en un clic des messageries, RFC 8058)");
        return routes;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> ConfirmationPage([FromQuery] string? p, [FromQuery] string? s, UnsubscribeLinks links)
    {
        if (links.Verify(p, s) is null)
        {
            return InvalidLink();
        }

        return Page("Se désabonner de la lettre d'actualités",
            "<p>En confirmant, vous ne recevrez plus la lettre quotidienne des actualités de Numéric'Emploi Grand Est.</p>\n"
            + "<form method=\"post\">\n<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
            + "<button type=\"submit\">Confirmer le désabonnement</button>\n</form>\n");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> UnsubscribeAsync(
        [FromQuery] string? p, [FromQuery] string? s, UnsubscribeLinks links, NotificationsDbContext db, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (links.Verify(p, s) is not { } accountId)
        {
            return InvalidLink();
        }

        // The categories cleared as of now: a later choice made in Membership (a newer event) brings them back, an older one does not.
        var now = clock.GetUtcNowForDatabase();
        var none = Array.Empty<string>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE notification_preferences SET categories = {none}, changed_at = GREATEST(changed_at, {now}) WHERE account_id = {accountId}",
                cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO digest_unsubscriptions (account_id, unsubscribed_at) VALUES ({accountId}, {now})
                 ON CONFLICT (account_id) DO UPDATE SET unsubscribed_at = excluded.unsubscribed_at
                 """,
                cancellationToken);
            // Membership clears the account's categories too: its member area must not show them ticked, nor a save bring them back.
            db.AddToOutbox(new NewsDigestUnsubscribed(accountId, now), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        loggers.CreateLogger(typeof(DigestEndpoints)).LogInformation("Account {AccountId} unsubscribed from the news digest", accountId);
        return Page("Désabonnement confirmé",
            "<p>Vous êtes désabonné(e) : vous ne recevrez plus la lettre quotidienne des actualités de Numéric'Emploi Grand Est.</p>\n"
            + "<p>Vous pouvez choisir à nouveau vos catégories d'actualités depuis votre espace membre.</p>\n");
    }

    private static ProblemHttpResult InvalidLink() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Lien de désabonnement invalide.",
        detail: "Ce lien de désabonnement n'est pas valide : utilisez le lien reçu dans le courriel, sans le modifier.");

    private static ContentHttpResult Page(string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append(" — Numéric'Emploi Grand Est</title>\n")
            // The site's style sheet and home, through the gateway that serves this page too.
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n")
            .Append("<header>\n<a class=\"brand\" href=\"/\">Numéric'Emploi Grand Est</a>\n</header>\n<main id=\"contenu\">\n")
            .Append("<h1>").Append(Html.Encode(title)).Append("</h1>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}

public static class NewsDigestExtensions
{
    /// <summary>The digest job, its options and its unsubscribe links.</summary>
    public static IHostApplicationBuilder AddNewsDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(options => options.IsValid(),
                "Invalid 'Notifications:Digest' settings: At as « HH:mm », UnsubscribeKey of at least 32 characters "
                + "(set Notifications__Digest__UnsubscribeKey), BatchSize and Interval above 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddSingleton<NewsDigestJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NewsDigestJob>());
        return builder;
    }
}
