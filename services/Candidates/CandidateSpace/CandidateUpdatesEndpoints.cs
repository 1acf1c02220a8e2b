using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Candidates.PartnerApi;
using Nege.Candidates.Retention;
using Nege.Candidates.TalentPool;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// What the candidate changes from their own space: the dossier's contents (rectification), their changes of situation
/// (the commitments of seed 004), their requests to the commission (correction of the analyses, objection, erasure)
/// and their answers to the companies interested in them. The pilots and the partners' advisers are told.
/// </summary>
public static class CandidateUpdatesEndpoints
{
    public static IEndpointRouteBuilder MapCandidateUpdates(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup(CandidateSpaceEndpoints.Route).WithTags("Candidats — mon dossier").RequireAccess(AccessPolicies.OwnAccount);
        me.MapPut("/dossier", RectifyAsync).Accepts<RectificationRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(PartnerDossiersEndpoints.DossierBodyMaxBytes))
            .WithSummary("Corriger son dossier (identification, coordonnées, contexte, profil, projet) : une section envoyée remplace la sienne, une section absente est gardée");
        me.MapPost("/commitments", ReportAsync).Accepts<CommitmentRequest>("application/json")
            .WithSummary("Tenir l'association informée d'un changement de situation (entretien, emploi trouvé, indisponibilité…) : le pilote et le conseiller sont prévenus");
        me.MapPost("/requests", RequestAsync).Accepts<RightsRequestInput>("application/json")
            .WithSummary("Demander une correction des analyses, s'opposer au traitement ou demander la suppression du dossier : le pilote répond sous un mois");
        me.MapPost("/interests/{id:guid}/answer", AnswerInterestAsync).Accepts<SpaceInterestAnswer>("application/json")
            .WithSummary("Accepter ou refuser d'être contacté par une entreprise intéressée");
        return routes;
    }

    private static async Task<Results<Ok<CandidateDossierView>, ValidationProblem, NotFoundProblem, PayloadTooLargeProblem>> RectifyAsync(
        HttpRequest request, ClaimsPrincipal user, CandidatesDbContext db, IOptions<TerritoryOptions> territories, SiteLinks links,
        IOptions<RetentionOptions> retention, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, PartnerDossiersEndpoints.DossierBodyMaxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var body = await JsonBody.ReadAsync<RectificationRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        if (Rectification.IsEmpty(input))
        {
            return body.Errors.Merge(ValidationErrors.Single("", "Envoyez au moins une section à corriger : identification, context, profile ou project.")).ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await CandidateSpaceEndpoints.LockAttachedAsync(user, db, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(CandidateSpaceEndpoints.NotAttached);
        }

        var now = clock.GetUtcNowForDatabase();
        var (content, errors) = DossierRules.Validate(Rectification.Merge(input, dossier.Content), now);
        errors.Merge(body.Errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // The consents keep their own dates: a rectification does not inform the candidate again.
        var rectified = content! with { Consent = dossier.Content.Consent };
        var sections = Rectification.ChangedSections(dossier.Content, rectified);
        if (sections.Count > 0)
        {
            dossier.Replace(rectified, TerritoryRouting.TerritoryAfterChange(dossier, rectified, territories.Value), now);
            await db.RefreshCardAsync(dossier, now, cancellationToken);
            var name = $"{rectified.Identification.FirstName} {rectified.Identification.LastName}";
            db.AddToOutbox(new DossierRectified(dossier.Id, dossier.NumberText, name, sections, now)
            {
                Pilots = await PilotsAsync(db, dossier, cancellationToken),
                Advisers = dossier.AdviserRecipients(),
                CommissionLink = links.CommissionDossier(dossier.Id),
            }, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await CandidateSpaceEndpoints.ViewOfAsync(user, db, links, retention.Value, clock, cancellationToken))!);
    }

    private static async Task<Results<Created<CommitmentView>, ValidationProblem, NotFoundProblem>> ReportAsync(
        CommitmentRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kind = CandidateCommitment.FromCode(body?.Kind);
        var details = body?.Details?.Trim() is { Length: > 0 } text ? text : null;
        var errors = new ValidationErrors()
            .AddIf(kind is null, "kind", $"Le changement de situation doit être l'un de : {string.Join(", ", Enum.GetValues<CommitmentKind>().Select(k => $"« {CandidateCommitment.Code(k)} » ({CandidateCommitment.Label(k)})"))}.")
            .AddIf(details?.Length > CandidateCommitment.DetailsMaxLength, "details", $"Les précisions ne doivent pas dépasser {CandidateCommitment.DetailsMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await CandidateSpaceEndpoints.LockAttachedAsync(user, db, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(CandidateSpaceEndpoints.NotAttached);
        }

        var now = clock.GetUtcNowForDatabase();
        var commitment = new CandidateCommitment { Id = Guid.CreateVersion7(now), DossierId = dossier.Id, Kind = kind!.Value, Details = details, At = now };
        db.CandidateCommitments.Add(commitment);
        string? effect = null;
        if (CandidateCommitment.LeavesPool(commitment.Kind) && DossierLifeCycle.IsInPool(dossier.Status))
        {
            await db.LeavePoolAsync(links, dossier, CandidateSpaceEndpoints.CandidateActor(dossier, user), $"{CandidateCommitment.Label(commitment.Kind)} (déclaré par le candidat).", now, cancellationToken);
            effect = "La fiche du candidat a quitté le vivier : les entreprises ne la trouvent plus.";
        }

        // Reporting one's situation is an update of the dossier: it keeps it from the retention's erasure.
        dossier.Touch(now);
        db.AddToOutbox(new CandidateCommitmentReported(dossier.Id, dossier.NumberText, $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName}",
            CandidateCommitment.Code(commitment.Kind), CandidateCommitment.Label(commitment.Kind), details, now)
        {
            Effect = effect,
            Pilots = await PilotsAsync(db, dossier, cancellationToken),
            Advisers = dossier.AdviserRecipients(),
            CommissionLink = links.CommissionDossier(dossier.Id),
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created((string?)null, CandidateCommitment.View(commitment));
    }

    private static async Task<Results<Created<RightsRequestView>, ValidationProblem, NotFoundProblem, ConflictProblem>> RequestAsync(
        RightsRequestInput? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kind = RightsRequest.FromCode(body?.Kind);
        var reason = body?.Reason?.Trim();
        var errors = new ValidationErrors()
            .AddIf(kind is null, "kind", $"La demande doit être l'une de : {string.Join(", ", Enum.GetValues<RightsRequestKind>().Select(k => $"« {RightsRequest.Code(k)} » ({RightsRequest.Label(k)})"))}.")
            .AddIf(string.IsNullOrEmpty(reason), "reason", "Expliquez votre demande : ce que vous souhaitez et pourquoi.")
            .AddIf(reason?.Length > RightsRequest.TextMaxLength, "reason", $"L'explication ne doit pas dépasser {RightsRequest.TextMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await CandidateSpaceEndpoints.LockAttachedAsync(user, db, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(CandidateSpaceEndpoints.NotAttached);
        }

        if (await db.RightsRequests.AnyAsync(r => r.DossierId == dossier.Id && r.Kind == kind && r.State == RightsRequestState.Open, cancellationToken))
        {
            return Problems.Conflict($"Vous avez déjà une demande « {RightsRequest.Label(kind!.Value)} » en attente de réponse : la commission vous répondra.");
        }

        var now = clock.GetUtcNowForDatabase();
        var made = RightsRequest.Make(dossier.Id, kind!.Value, reason!, now);
        db.RightsRequests.Add(made);
        db.AddToOutbox(new RightsRequestMade(made.Id, dossier.Id, dossier.NumberText, $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName}",
            RightsRequest.Code(made.Kind), RightsRequest.Label(made.Kind), made.Reason, made.DueOn, now)
        {
            Pilots = await PilotsAsync(db, dossier, cancellationToken),
            RequestsLink = links.To(RightsRequestsEndpoints.PagePath),
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created((string?)null, RightsRequest.View(made, clock.TodayInParis()));
    }

    private static async Task<Results<Ok<InterestView>, ValidationProblem, NotFoundProblem, ConflictProblem>> AnswerInterestAsync(
        Guid id, SpaceInterestAnswer? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body?.Agreed is not { } agreed)
        {
            return ValidationErrors.Single("agreed", "Indiquez si vous acceptez (true) ou non (false) d'être contacté par cette entreprise.").ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await CandidateSpaceEndpoints.AttachedDossierAsync(user, db, cancellationToken);
        var interest = dossier is null ? null : await db.Interests.SingleOrDefaultAsync(i => i.Id == id && i.DossierId == dossier.Id, cancellationToken);
        if (dossier is null || interest is null)
        {
            return Problems.NotFound("Cette entreprise ne s'est pas intéressée à votre dossier.");
        }

        await db.LockAsync(dossier, cancellationToken);
        var candidate = CandidateSpaceEndpoints.CandidateActor(dossier, user);
        if (await InterestEndpoints.AnswerAsync(db, links, dossier, interest, agreed, InterestAnswerer.Candidate, candidate, clock.GetUtcNowForDatabase(), cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(InterestEndpoints.View(interest, null, null, []));
    }

    private static async Task<IReadOnlyList<Recipient>> PilotsAsync(CandidatesDbContext db, Dossier dossier, CancellationToken cancellationToken) =>
        dossier.Territory is { } territory ? await db.PilotsOfAsync(territory, cancellationToken) : [];
}
