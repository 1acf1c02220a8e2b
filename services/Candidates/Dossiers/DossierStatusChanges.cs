using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Webhooks;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates.Dossiers;

/// <summary>
/// What follows a status change, in the same transaction: the integration event (Notifications tells
/// the people), and one signed call to the webhook of every partner client that submitted or follows the dossier.
/// </summary>
public static class DossierStatusChanges
{
    public const string WebhookEventType = "dossier.status_changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The dossier comes with its partners (they are told).</summary>
    public static async Task RecordAsync(
        CandidatesDbContext db, SiteLinks links, Dossier dossier, DossierStatus from, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisations = dossier.Partners.Select(p => p.OrganisationId).ToList();
        var advisers = dossier.AdviserRecipients();
        db.AddToOutbox(new DossierStatusChanged(dossier.Id, dossier.NumberText, DossierLifeCycle.Code(from), DossierLifeCycle.Code(dossier.Status), now)
        {
            Reason = reason,
            PartnerOrganisationIds = organisations,
            Territory = dossier.Territory,
            CandidateName = $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName}",
            Advisers = advisers,
            AdviserLink = links.AdviserDossier(dossier.Id),
        }, now);

        var webhooks = await db.PartnerWebhooks.AsNoTracking().Where(w => organisations.Contains(w.OrganisationId)).ToListAsync(cancellationToken);
        foreach (var webhook in webhooks)
        {
            var id = Guid.CreateVersion7(now);
            var body = new WebhookEvent(id, WebhookEventType, now, new DossierStatusChange(
                dossier.Id, dossier.NumberText, DossierLifeCycle.Code(from), DossierLifeCycle.Code(dossier.Status), DossierLifeCycle.Label(dossier.Status), reason));
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = id,
                ClientId = webhook.ClientId,
                DossierId = dossier.Id,
                EventType = WebhookEventType,
                Payload = JsonSerializer.Serialize(body, Json),
                State = WebhookDeliveryState.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }
}
