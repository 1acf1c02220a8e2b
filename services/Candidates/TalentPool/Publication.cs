using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Commission;
using Nege.Candidates.Consents;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// A pilot publishes a qualified employable candidate (or publishes again one withdrawn from the pool): the
/// pseudonymous card is made from the dossier, with the pilot's summary and the candidate's availability.
/// </summary>
public static class Publication
{
    public const string NoConsent =
        "Le candidat n'a pas consenti à la publication de sa fiche dans le vivier. S'il vous a donné son accord, indiquez-le (candidateAgreed) : il est consigné au registre des consentements.";

    public static async Task<Results<Ok<TalentCardView>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> PublishAsync(
        Guid id, PublicationRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body ?? new PublicationRequest(null, null, null);
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.Include(d => d.Partners).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(CommissionEndpoints.NotFoundDetail);
        }

        await db.LockAsync(dossier, cancellationToken);
        if (!caller.Pilots(dossier))
        {
            return Problems.Forbidden($"La publication dans le vivier est une décision : seul un pilote de la commission {dossier.Territory} la prend.");
        }

        var today = clock.TodayInParis();
        var (summary, availableFrom, errors) = TalentPoolRules.ValidatePublication(request, dossier, today);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (!DossierLifeCycle.CanMove(dossier.Status, DossierStatus.Published))
        {
            return Problems.Conflict("Publication impossible.", DossierLifeCycle.WhyNot(dossier.Status, DossierStatus.Published));
        }

        var now = clock.GetUtcNowForDatabase();
        if (!await db.IsGivenAsync(dossier.Id, ConsentKind.TalentPool, cancellationToken))
        {
            if (request.CandidateAgreed != true)
            {
                return Problems.Conflict("Publication impossible.", NoConsent);
            }

            db.Record(dossier.Id, ConsentKind.TalentPool, true, dossier.Content.Consent.NoticeVersion, ConsentGiver.Pilot,
                caller.AccountId.ToString(), caller.Name, ConsentLedger.ByPilot, now);
        }

        var from = dossier.Status;
        dossier.Move(DossierStatus.Published, caller.Actor, "Fiche anonyme publiée dans le vivier des candidats.", now);
        var card = await db.TalentCards.SingleOrDefaultAsync(c => c.DossierId == dossier.Id, cancellationToken);
        if (card is null)
        {
            card = TalentCard.Publish(dossier, summary!, availableFrom, now);
            db.TalentCards.Add(card);
        }
        else
        {
            card.Republish(dossier, summary!, availableFrom, now);
        }

        await DossierStatusChanges.RecordAsync(db, links, dossier, from, "Fiche anonyme publiée dans le vivier des candidats.", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(TalentPoolRules.View(card, today));
    }

    /// <summary>The dossier's contents changed: its card (if it has one) shows them at once.</summary>
    public static async Task RefreshCardAsync(this CandidatesDbContext db, Dossier dossier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.TalentCards.SingleOrDefaultAsync(c => c.DossierId == dossier.Id, cancellationToken) is { } card)
        {
            card.Refresh(dossier, now);
        }
    }

    /// <summary>
    /// The candidate no longer agrees to the pool (withdrawn by them or by their partner): a card in the pool leaves it
    /// at once, logged as a move to « withdrawn from the pool ».
    /// </summary>
    public static async Task LeavePoolAsync(
        this CandidatesDbContext db, SiteLinks links, Dossier dossier, DossierActor by, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!DossierLifeCycle.IsInPool(dossier.Status))
        {
            return;
        }

        var from = dossier.Status;
        // The card follows the dossier's status by the database's trigger: it leaves the search with this move.
        dossier.Move(DossierStatus.WithdrawnFromPool, by, reason, now);

        await DossierStatusChanges.RecordAsync(db, links, dossier, from, reason, now, cancellationToken);
    }
}
