using Microsoft.EntityFrameworkCore;
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
public sealed class DossierIntake(CandidatesDbContext db, IOptions<TerritoryOptions> territories, IConfiguration configuration)
{
    public async Task<(Dossier Dossier, IntakeOutcome Outcome)> TakeInAsync(
        DossierContentView content, Guid organisationId, string? clientId, DossierActor by, DateTimeOffset now, CancellationToken cancellationToken)
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
            if (existing.PartnerOf(organisationId) is not null)
            {
                return (existing, IntakeOutcome.AlreadyKnown);
            }

            existing.Partners.Add(new DossierPartner
            {
                DossierId = existing.Id,
                OrganisationId = organisationId,
                Relation = PartnerRelation.Follower,
                PartnerReference = identification.PartnerReference,
                ClientId = clientId,
                Since = now,
            });
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
        var dossier = Dossier.Submit(content, territory, submitter, by, now);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken);
        // The number comes from the database's sequence, read back on insert.
        var pilots = territory is null
            ? []
            : await db.TerritoryMembers.AsNoTracking().Where(m => m.Territory == territory && m.Pilot)
                .OrderBy(m => m.DisplayName).Select(m => new Recipient(m.DisplayName, m.Email)).ToListAsync(cancellationToken);
        db.AddToOutbox(new DossierSubmitted(
            dossier.Id, dossier.NumberText, organisationId, identification.Email, identification.FirstName, identification.LastName,
            content.Consent.NoticeVersion, now)
        {
            Territory = territory,
            NoticeLink = SiteLink(CandidateNotices.DataUsePath(content.Consent.NoticeVersion)),
            Pilots = pilots,
            ExtranetLink = SiteLink(ExtranetPath(dossier.Id)),
        }, now);
        return (dossier, IntakeOutcome.Created);
    }

    /// <summary>The dossier's page in the commission's extranet.</summary>
    public static string ExtranetPath(Guid dossierId) => $"/espace-membre/commission/dossiers/{dossierId}";

    /// <summary>A page of the public site (behind the gateway, the token issuer's address).</summary>
    private Uri SiteLink(string path) => new(new Uri(AuthenticationExtensions.IssuerOf(configuration).TrimEnd('/') + "/"), path.TrimStart('/'));
}
