using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Audit;
using Nege.Candidates.CandidateSpace;
using Nege.Candidates.Documents;
using Nege.Candidates.Dossiers;
using Nege.Candidates.TalentPool;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Commission;

/// <summary>
/// The AAR commissions' work in the extranet: each territory's work queue, a dossier's page (every
/// opening audited), analyses, recommendations and the pilot's decisions. A dossier outside the
/// caller's territories is a 404, whatever its id.
/// </summary>
public static class CommissionEndpoints
{
    public const string Route = "/api/candidates/commission/dossiers";

    public const string NotFoundDetail = "Ce dossier n'existe pas, ou il n'est pas dans un territoire de votre commission.";

    public static IEndpointRouteBuilder MapCommission(this IEndpointRouteBuilder routes)
    {
        var dossiers = routes.MapGroup(Route).WithTags("Commissions AAR — qualification des candidats").RequireAccess(AccessPolicies.CommissionWork);
        dossiers.MapGet("/", QueueAsync).WithSummary("La file de travail : les dossiers de vos territoires (filtres : territoire, statut, inactivité)");
        dossiers.MapGet("/{id:guid}", GetAsync).WithSummary("Le dossier d'un candidat (chaque consultation est journalisée)");
        dossiers.MapPost("/{id:guid}/transitions", MoveAsync).Accepts<TransitionRequest>("application/json")
            .WithSummary("Faire avancer le dossier ; les décisions et la clôture par un pilote du territoire, avec leur motif");
        dossiers.MapPost("/{id:guid}/analyses", AnalyseAsync).Accepts<AnalysisRequest>("application/json")
            .WithSummary("Signer une analyse du CV ou un compte-rendu d'entretien conseil");
        dossiers.MapPost("/{id:guid}/recommendations", RecommendAsync).Accepts<RecommendationRequest>("application/json")
            .WithSummary("Écrire une recommandation sur le projet professionnel ou la démarche de recherche d'emploi");
        dossiers.MapPost("/{id:guid}/publication", Publication.PublishAsync).Accepts<PublicationRequest>("application/json")
            .WithSummary("Publier un candidat qualifié employable dans le vivier (fiche anonyme) ; par un pilote du territoire, avec le consentement du candidat");
        dossiers.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync)
            .WithSummary("Télécharger un document du dossier (CV, lettres… ; chaque téléchargement est journalisé)")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text", "image/png", "image/jpeg");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<WorkQueueItem>>, ValidationProblem>> QueueAsync(
        ClaimsPrincipal user, CandidatesDbContext db, IOptions<CommissionOptions> options, TimeProvider clock,
        string? territory, string? status, bool? inactive, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var errors = Paging.Validate(page, pageSize);
        var wanted = status is null ? null : DossierLifeCycle.FromCode(status);
        errors.AddIf(status is not null && wanted is null, "status",
            $"Le statut doit être l'un de : {string.Join(", ", Enum.GetValues<DossierStatus>().Select(DossierLifeCycle.Code))}.");
        const string Undispatched = "aucun";
        errors.AddIf(territory is not null && territory != Undispatched && !CandidateForm.Territories.Contains(territory), "territory",
            $"Le territoire doit être l'un de : {string.Join(", ", CandidateForm.Territories)}, ou « {Undispatched} » (dossiers hors territoire, à répartir).");
        errors.AddIf(territory is not null && CandidateForm.Territories.Contains(territory) && !caller.Admin && !caller.Territories.Contains(territory),
            "territory", "Vous n'êtes pas membre de la commission de ce territoire.");
        errors.AddIf(territory == Undispatched && !caller.Admin, "territory", "Seuls les administrateurs répartissent les dossiers hors territoire.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var days = options.Value.InactivityDays;
        var query = caller.Visible(db.Dossiers.AsNoTracking());
        query = territory switch
        {
            null => query,
            Undispatched => query.Where(d => d.Territory == null),
            _ => query.Where(d => d.Territory == territory),
        };
        if (wanted is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (inactive == true)
        {
            var before = now.AddDays(-days);
            var awaiting = DossierLifeCycle.AwaitingCommission;
            query = query.Where(d => d.UpdatedAt <= before && awaiting.Contains(d.Status));
        }

        var (number, size) = Paging.Of(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<WorkQueueItem>([.. rows.Select(d => CommissionViews.QueueItem(d, now, days))], number, size, total));
    }

    private static async Task<Results<Ok<CommissionDossierView>, NotFoundProblem>> GetAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Transitions).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(NotFoundDetail);
        }

        var view = await PageAsync(db, dossier, caller, clock.TodayInParis(), cancellationToken);
        var now = clock.GetUtcNowForDatabase();
        db.RecordDossierRead(user, dossier.Id, view.HealthDataShown, now);

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<DossierStatusView>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> MoveAsync(
        Guid id, TransitionRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (to, reason, plan, errors) = CommissionMoves.Validate(body ?? new TransitionRequest(null, null, null));
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.Include(d => d.Partners).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(NotFoundDetail);
        }

        await db.LockAsync(dossier, cancellationToken);
        if (CommissionMoves.IsPilotsDecision(to!.Value) && !caller.Pilots(dossier))
        {
            return Problems.Forbidden($"« {DossierLifeCycle.Label(to.Value)} » est une décision : seul un pilote de la commission {dossier.Territory} la prend.");
        }

        var now = clock.GetUtcNowForDatabase();
        var from = dossier.Status;
        if (dossier.Move(to.Value, caller.Actor, reason, now, plan) is { } refusal)
        {
            return Problems.Conflict("Changement de statut impossible.", refusal);
        }

        await DossierStatusChanges.RecordAsync(db, links, dossier, from, reason, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DossierViews.StatusOf(dossier));
    }

    private static async Task<Results<Created<AnalysisView>, ValidationProblem, NotFoundProblem, ConflictProblem>> AnalyseAsync(
        Guid id, AnalysisRequest? body, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = body ?? new AnalysisRequest(null, null, null, null, null);
        var errors = new ValidationErrors();
        AnalysisKind? kind = input.Kind?.Trim() switch
        {
            "cv_analysis" => AnalysisKind.CvAnalysis,
            "advice_interview" => AnalysisKind.AdviceInterview,
            _ => null,
        };
        errors.AddIf(kind is null, "kind", "Le type d'analyse doit être « cv_analysis » (analyse du CV) ou « advice_interview » (entretien conseil).");
        var skills = DossierRules.Skills(errors, "skills", input.Skills);
        var strengths = DossierRules.Optional(errors, "strengths", input.Strengths, "Les points forts", DossierRules.LongTextMaxLength);
        var toWork = DossierRules.Optional(errors, "pointsToWork", input.PointsToWork, "Les points à travailler", DossierRules.LongTextMaxLength);
        var text = DossierRules.Optional(errors, "text", input.Text, "Le texte", DossierRules.LongTextMaxLength);
        errors.AddIf(errors.IsEmpty && skills.Count == 0 && strengths is null && toWork is null && text is null, "text",
            "Une analyse évalue au moins une compétence ou dit les points forts, les points à travailler ou ses conclusions.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (dossier, problem) = await OpenDossierAsync(db, user, id, cancellationToken);
        if (problem is not null)
        {
            return problem switch { NotFoundProblem n => n, _ => (ConflictProblem)problem };
        }

        var now = clock.GetUtcNowForDatabase();
        var analysis = new DossierAnalysis
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossier!.Id,
            Kind = kind!.Value,
            Skills = skills,
            Strengths = strengths,
            PointsToWork = toWork,
            Text = text,
            AuthorId = user.CallerId() ?? Guid.Empty,
            AuthorName = user.CallerName(),
            At = now,
        };
        db.DossierAnalyses.Add(analysis);
        dossier.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Route}/{dossier.Id}", CommissionViews.Analysis(analysis));
    }

    private static async Task<Results<Created<RecommendationView>, ValidationProblem, NotFoundProblem, ConflictProblem>> RecommendAsync(
        Guid id, RecommendationRequest? body, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RecommendationTopic? topic = body?.Topic?.Trim() switch
        {
            "professional_project" => RecommendationTopic.ProfessionalProject,
            "job_search" => RecommendationTopic.JobSearch,
            _ => null,
        };
        errors.AddIf(topic is null, "topic", "Le sujet doit être « professional_project » (projet professionnel) ou « job_search » (démarche de recherche d'emploi).");
        var text = DossierRules.Required(errors, "text", body?.Text, "Le texte de la recommandation", DossierRules.LongTextMaxLength);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (dossier, problem) = await OpenDossierAsync(db, user, id, cancellationToken);
        if (problem is not null)
        {
            return problem switch { NotFoundProblem n => n, _ => (ConflictProblem)problem };
        }

        var now = clock.GetUtcNowForDatabase();
        var recommendation = new DossierRecommendation
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossier!.Id,
            Topic = topic!.Value,
            Text = text!,
            AuthorId = user.CallerId() ?? Guid.Empty,
            AuthorName = user.CallerName(),
            At = now,
        };
        db.DossierRecommendations.Add(recommendation);
        dossier.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Route}/{dossier.Id}", CommissionViews.Recommendation(recommendation));
    }

    /// <summary>A dossier of the caller's territories that is still open, tracked; else the answer to give.</summary>
    private static async Task<(Dossier? Dossier, ProblemAnswer? Problem)> OpenDossierAsync(
        CandidatesDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return (null, Problems.NotFound(NotFoundDetail));
        }

        return DossierLifeCycle.IsOpen(dossier.Status)
            ? (dossier, null)
            : (null, Problems.Conflict($"Ce dossier est « {DossierLifeCycle.Label(dossier.Status)} » : on n'y ajoute plus rien."));
    }

    private static async Task<CommissionDossierView> PageAsync(CandidatesDbContext db, Dossier dossier, CommissionCaller caller, DateOnly today, CancellationToken cancellationToken)
    {
        var analyses = await db.DossierAnalyses.AsNoTracking().Where(a => a.DossierId == dossier.Id).ToListAsync(cancellationToken);
        var recommendations = await db.DossierRecommendations.AsNoTracking().Where(r => r.DossierId == dossier.Id).ToListAsync(cancellationToken);
        var documents = await DocumentViews.OfDossierAsync(db, dossier.Id, cancellationToken);
        return CommissionViews.Dossier(dossier, caller.Pilots(dossier), analyses, recommendations) with
        {
            Documents = [.. documents.Select(DocumentViews.Of)],
            Commitments = await CandidateSpaceEndpoints.CommitmentsOfAsync(db, dossier.Id, cancellationToken),
            Requests = await CandidateSpaceEndpoints.RequestsOfAsync(db, dossier.Id, today, cancellationToken),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> DownloadAsync(
        Guid id, Guid documentId, ClaimsPrincipal user, HttpResponse response, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(NotFoundDetail);
        }

        return await DocumentDownloads.ServeAsync(db, id, documentId, user, response, clock.GetUtcNowForDatabase(), cancellationToken) is { } file
            ? file
            : Problems.NotFound(DocumentDownloads.DocumentNotFound);
    }
}
