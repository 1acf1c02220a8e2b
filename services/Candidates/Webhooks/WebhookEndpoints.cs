using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Webhooks;

/// <summary>A partner's client sets its webhook, rotates its secret and reads its last deliveries; admins read any partner's.</summary>
public static class WebhookEndpoints
{
    public const string Route = "/api/candidates/v1/webhook";
    public const int DeliveriesShown = 50;

    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddCommitSignal<CandidatesDbContext, WebhookDelivery>();
        // Our own retries and timeout (recorded on each row), not the standard resilience pipeline's.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental.
        builder.Services.AddHttpClient(WebhookDeliveryWorker.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<WebhookDeliveryWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var webhook = routes.MapGroup(Route).WithTags("API des partenaires emploi — webhook");
        webhook.MapGet("/", GetAsync).WithSummary("Votre webhook (sans son secret)").RequireAccess(AccessPolicies.PartnerCandidatesRead);
        webhook.MapPut("/", PutAsync).Accepts<WebhookRequest>("application/json")
            .WithSummary("Définir l'adresse où recevoir les changements de statut de vos dossiers (le secret est donné à la création)")
            .RequireAccess(AccessPolicies.PartnerCandidatesWrite);
        webhook.MapPost("/secret", RotateAsync).WithSummary("Changer le secret de signature (l'ancien cesse aussitôt)")
            .RequireAccess(AccessPolicies.PartnerCandidatesWrite);
        webhook.MapDelete("/", DeleteAsync).WithSummary("Ne plus recevoir d'appels").RequireAccess(AccessPolicies.PartnerCandidatesWrite);
        webhook.MapGet("/deliveries", DeliveriesAsync).WithSummary($"Les {DeliveriesShown} derniers appels faits à votre webhook et leur résultat")
            .RequireAccess(AccessPolicies.PartnerCandidatesRead);
        routes.MapGet("/api/candidates/partner-webhooks/{clientId}/deliveries",
                (string clientId, CandidatesDbContext db, CancellationToken ct) => LastDeliveriesAsync(db, clientId, ct))
            .WithTags("API des partenaires emploi — webhook")
            .WithSummary("Administrateurs : les derniers appels faits au webhook d'un client partenaire")
            .RequireAccess(AccessPolicies.ManagePartnerClients);
        return routes;
    }

    private static async Task<Results<Ok<WebhookView>, NotFoundProblem>> GetAsync(ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var webhook = await db.PartnerWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.ClientId == ClientOf(user), cancellationToken);
        return webhook is null
            ? Problems.NotFound("Aucun webhook n'est défini pour votre client : définissez-le avec PUT.")
            : TypedResults.Ok(new WebhookView(webhook.Url.AbsoluteUri, null, webhook.UpdatedAt));
    }

    private static async Task<Results<Ok<WebhookView>, ValidationProblem>> PutAsync(
        WebhookRequest? body, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(body?.Url?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.UserInfo) || url.AbsoluteUri.Length > 2000)
        {
            return ValidationErrors.Single("url", "L'adresse du webhook doit être une adresse http(s) complète, sans identifiants (par exemple https://partenaire.example/nege).").ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var clientId = ClientOf(user);
        var webhook = await db.PartnerWebhooks.SingleOrDefaultAsync(w => w.ClientId == clientId, cancellationToken);
        string? newSecret = null;
        if (webhook is null)
        {
            newSecret = WebhookSignature.NewSecret();
            webhook = new PartnerWebhook
            {
                ClientId = clientId,
                OrganisationId = user.CallerOrganisationId() ?? Guid.Empty,
                Url = url,
                Secret = newSecret,
                CreatedAt = now,
            };
            db.PartnerWebhooks.Add(webhook);
        }

        webhook.Url = url;
        webhook.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WebhookView(webhook.Url.AbsoluteUri, newSecret, webhook.UpdatedAt));
    }

    private static async Task<Results<Ok<WebhookView>, NotFoundProblem>> RotateAsync(
        ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var webhook = await db.PartnerWebhooks.SingleOrDefaultAsync(w => w.ClientId == ClientOf(user), cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound("Aucun webhook n'est défini pour votre client.");
        }

        webhook.Secret = WebhookSignature.NewSecret();
        webhook.UpdatedAt = clock.GetUtcNowForDatabase();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WebhookView(webhook.Url.AbsoluteUri, webhook.Secret, webhook.UpdatedAt));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var clientId = ClientOf(user);
        var removed = await db.PartnerWebhooks.Where(w => w.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Problems.NotFound("Aucun webhook n'est défini pour votre client.") : TypedResults.NoContent();
    }

    private static Task<Ok<IReadOnlyList<WebhookDeliveryView>>> DeliveriesAsync(ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken) =>
        LastDeliveriesAsync(db, ClientOf(user), cancellationToken);

    private static async Task<Ok<IReadOnlyList<WebhookDeliveryView>>> LastDeliveriesAsync(CandidatesDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.ClientId == clientId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(DeliveriesShown).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WebhookDeliveryView>>([.. rows.Select(d => new WebhookDeliveryView(
            d.Id, d.EventType, d.DossierId, d.State.ToString().ToLowerInvariant(), d.Attempts, d.LastStatusCode, d.LastError,
            d.CreatedAt, d.DeliveredAt, d.State == WebhookDeliveryState.Pending ? d.NextAttemptAt : null))]);
    }

    private static string ClientOf(ClaimsPrincipal user) =>
        user.CallerClientId() ?? throw new InvalidOperationException("A partner client's token without client_id.");
}
