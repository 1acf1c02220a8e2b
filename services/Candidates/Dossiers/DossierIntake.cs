using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Commission;
using Nege.Candidates.Consents;
using Microsoft.Extensions.Options;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Dossiers;

/// <summary>What intake did with a dossier: a new one, a dossier of the same person now followed, or one the partner already had.</summary>
public enum IntakeOutcome
{
    Created,
    Linked,
    AlreadyKnown,
}

/// <summary>
/// Takes dossiers in, one person one dossier: the same person sent again (same e-mail, or same name and
/// birth date) finds their open dossier, which the sending partner then follows. Runs inside the
/// caller's transaction; the events go to the outbox with the rows.
/// </summary>
public sealed class DossierIntake(CandidatesDbContext db, IOptions<TerritoryOptions> territories, SiteLinks links)
{
    public async Task<(Dossier Dossier, IntakeOutcome Outcome)> TakeInAsync(
        DossierContentView content, Guid organisationId, string? clientId, DossierActor by, AdviserView? adviser, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var identification = content.Identification;
        var emailKey = DossierRules.EmailKey(identification.Email);
        var nameKey = DossierRules.NameKey(identification.LastName, identification.FirstName, identification.BirthDate);
        await db.LockPersonAsync(nameKey is null ? [emailKey] : [emailKey, nameKey], cancellationToken);

        var existing = await db.Dossiers.Include(d => d.Partners)
            .Where(d => d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.Closed)
            .Where(d => d.EmailKey == emailKey || (nameKey != null && d.NameKey == nameKey))
            .OrderBy(d => d.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            if (existing.PartnerOf(organisationId) is { } known)
            {
                known.FollowedBy(adviser);
                return (existing, IntakeOutcome.AlreadyKnown);
            }

            var follower = new DossierPartner
            {
                DossierId = existing.Id,
                OrganisationId = organisationId,
                Relation = PartnerRelation.Follower,
                PartnerReference = identification.PartnerReference,
                ClientId = clientId,
                Since = now,
            };
            follower.FollowedBy(adviser);
            existing.Partners.Add(follower);
            db.AddToOutbox(new DossierFollowed(existing.Id, organisationId, now), now);
            return (existing, IntakeOutcome.Linked);
        }

        var territory = TerritoryRouting.TerritoryOf(identification.Address.PostalCode, territories.Value);
        var submitter = new DossierPartner
        {
            OrganisationId = organisationId,
            Relation = PartnerRelation.Submitter,
            PartnerReference = identification.PartnerReference,
            ClientId = clientId,
            Since = now,
        };
        submitter.FollowedBy(adviser);
        var dossier = Dossier.Submit(content, territory, submitter, by, now);
        db.Dossiers.Add(dossier);
        db.RecordDeclared(dossier.Id, null, content.Consent, by, now);
        await db.SaveChangesAsync(cancellationToken);
        // The number comes from the database's sequence, read back on insert.
        var pilots = territory is null
            ? []
            : await db.PilotsOfAsync(territory, cancellationToken);
        db.AddToOutbox(new DossierSubmitted(
            dossier.Id, dossier.NumberText, organisationId, identification.Email, identification.FirstName, identification.LastName,
            content.Consent.NoticeVersion, now)
        {
            Territory = territory,
            NoticeLink = links.DataUseNotice(content.Consent.NoticeVersion),
            Pilots = pilots,
            ExtranetLink = links.CommissionDossier(dossier.Id),
        }, now);
        return (dossier, IntakeOutcome.Created);
    }
}
