using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Audit;
using Nege.Candidates.Consents;
using Nege.Candidates.Dossiers;
using Nege.Candidates.Idempotency;
using Nege.Candidates.TalentPool;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.PartnerApi;

/// <summary>
/// Partner API v1: an employment partner's system submits its candidates' dossiers and follows them.
/// A partner sees only the dossiers it submitted or follows; any other id is a 404.
/// </summary>
public static class PartnerDossiersEndpoints
{
    public const string Route = "/api/candidates/v1/dossiers";

    /// <summary>The same, for the partners' advisers in the extranet (a person's token).</summary>
    public const string AdviserRoute = "/api/candidates/adviser/dossiers";

    private const string OldestFirst = "updated";

    private const string NewestFirst = "recent";

    /// <summary>A dossier's JSON (its documents go separately): generous for the longest texts, bounded all the same.</summary>
    public const long DossierBodyMaxBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapPartnerDossiers(this IEndpointRouteBuilder routes)
    {
        MapDossiers(
            routes.MapGroup(Route).WithTags("API des partenaires emploi — dossiers des candidats"),
            AccessPolicies.PartnerCandidatesRead, AccessPolicies.PartnerCandidatesWrite);
        MapDossiers(
            routes.MapGroup(AdviserRoute).WithTags("Conseillers des partenaires emploi (extranet) — dossiers des candidats")
                .AddEndpointFilter(PartnerAccess.RequireOrganisation),
            AccessPolicies.PartnerAdvisers, AccessPolicies.PartnerAdvisers);
        return routes;
    }

    /// <summary>The same dossiers, the same rules, for a partner's system and for its advisers in the extranet.</summary>
    private static void MapDossiers(RouteGroupBuilder dossiers, AccessPolicy read, AccessPolicy write)
    {
        dossiers.MapPost("/", CreateAsync)
            .WithSummary("Déposer le dossier d'un candidat (un dossier par personne ; en-tête Idempotency-Key conseillé)")
            .Accepts<DossierRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(DossierBodyMaxBytes))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer(PartnerApiExamples.Dossier)
            .RequireAccess(write);
        dossiers.MapGet("/", ListAsync)
            .WithSummary("Les dossiers déposés ou suivis par votre organisme, par date de mise à jour (synchronisation : updatedSince ; order=recent pour les plus récents d'abord)")
            .RequireAccess(read);
        dossiers.MapGet("/{id:guid}", GetAsync)
            .WithSummary("Un dossier (son contenu pour l'organisme qui l'a déposé ; son statut pour celui qui le suit)")
            .RequireAccess(read);
        dossiers.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Remplacer le contenu d'un dossier (organisme qui l'a déposé)")
            .Accepts<DossierRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(DossierBodyMaxBytes))
            .AddOpenApiOperationTransformer(PartnerApiExamples.Dossier)
            .RequireAccess(write);
        dossiers.MapGet("/{id:guid}/history", HistoryAsync)
            .WithSummary("L'historique des statuts du dossier : qui, quand, de quel statut à quel statut, pourquoi")
            .RequireAccess(read);
        dossiers.MapPost("/{id:guid}/withdrawal", WithdrawAsync)
            .WithSummary("Retirer le dossier (le candidat renonce, ou n'est plus accompagné)")
            .Accepts<WithdrawalRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(DossierBodyMaxBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAccess(write);
    }

    private static async Task<Results<Created<DossierIntakeView>, Ok<DossierIntakeView>, EarlierAnswer, ValidationProblem, PayloadTooLargeProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, CandidatesDbContext db, DossierIntake intake, TimeProvider clock,
        ILogger<DossierIntake> logger, CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, DossierBodyMaxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var caller = CallingPartner.Of(user);
        var errors = new ValidationErrors();
        var idempotency = IdempotentPost.Of(request, caller.Requester, errors);
        var hash = idempotency is null ? null : await IdempotentRequests.HashAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<DossierRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return errors.Merge(body.Errors).ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var (content, contentErrors) = DossierRules.Validate(input, now);
        errors.Merge(body.Errors).Merge(contentErrors);
        var adviser = DossierRules.Adviser(errors, input.Adviser) ?? caller.Adviser;
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (idempotency is not null && await idempotency.ClaimAsync(db, hash!, now, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var (dossier, outcome) = await intake.TakeInAsync(content!, caller.OrganisationId, caller.ClientId, caller.Actor, adviser, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var location = $"{caller.DossiersRoute}/{dossier.Id}";
        var view = new DossierIntakeView(
            outcome switch
            {
                IntakeOutcome.Created => "created",
                IntakeOutcome.Linked => "linked",
                _ => "existing",
            },
            outcome switch
            {
                IntakeOutcome.Created => $"Le dossier {dossier.NumberText} est déposé ; le candidat est informé du traitement de ses données par courriel.",
                IntakeOutcome.Linked => $"Cette personne a déjà un dossier ({dossier.NumberText}) déposé par un autre partenaire : votre organisme le suit désormais, sans en voir le contenu.",
                _ when caller.IsPerson => $"Votre organisme a déjà transmis cette personne : c'est le dossier {dossier.NumberText}.",
                _ => $"Votre organisme a déjà transmis cette personne : c'est le dossier {dossier.NumberText}. Pour le modifier, utilisez PUT {location}.",
            },
            DossierViews.ForPartner(dossier, dossier.PartnerOf(caller.OrganisationId)!));
        var status = outcome == IntakeOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        if (idempotency is not null)
        {
            await idempotency.CompleteAsync(db, status, location, view, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Dossier {DossierId} {Outcome} by {Requester}", dossier.Id, view.Outcome, caller.Requester);
        return outcome == IntakeOutcome.Created ? TypedResults.Created(location, view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PageOf<PartnerDossierView>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, CandidatesDbContext db, string? status, DateTimeOffset? updatedSince, string? order, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize);
        errors.AddIf(order is not (null or OldestFirst or NewestFirst), "order",
            $"L'ordre doit être « {OldestFirst} » (la mise à jour la plus ancienne d'abord, pour synchroniser ; par défaut) ou « {NewestFirst} » (la plus récente d'abord).");
        var wanted = status is null ? null : DossierLifeCycle.FromCode(status);
        errors.AddIf(status is not null && wanted is null, "status",
            $"Le statut doit être l'un de : {string.Join(", ", Enum.GetValues<DossierStatus>().Select(DossierLifeCycle.Code))}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var organisationId = CallingPartner.Of(user).OrganisationId;
        var query = db.Dossiers.AsNoTracking().Where(d => d.Partners.Any(p => p.OrganisationId == organisationId));
        if (wanted is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (updatedSince is { } since)
        {
            query = query.Where(d => d.UpdatedAt > since);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = order == NewestFirst
            ? query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            : query.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id);
        var rows = await ordered
            .Skip((number - 1) * size).Take(size)
            .Include(d => d.Partners.Where(p => p.OrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<PartnerDossierView>(
            [.. rows.Select(d => DossierViews.ForPartner(d, d.PartnerOf(organisationId)!))], number, size, total));
    }

    /// <summary>An adviser reading the contents of a dossier is a person reading a candidate's personal data: audited.</summary>
    private static async Task<Results<Ok<PartnerDossierView>, NotFoundProblem>> GetAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = CallingPartner.Of(user);
        var dossier = await db.Dossiers.AsNoTracking().FindForPartnerAsync(id, caller.OrganisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        var view = DossierViews.ForPartner(dossier, dossier.PartnerOf(caller.OrganisationId)!);
        if (caller.IsPerson && view.Content is not null)
        {
            db.RecordDossierRead(user, dossier.Id, dossier.HasHealthData, clock.GetUtcNowForDatabase());
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PartnerDossierView>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem, PayloadTooLargeProblem>> UpdateAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, CandidatesDbContext db, IOptions<TerritoryOptions> territories, SiteLinks links, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, DossierBodyMaxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var body = await JsonBody.ReadAsync<DossierRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var (content, errors) = DossierRules.Validate(input, now);
        errors.Merge(body.Errors);
        var adviser = DossierRules.Adviser(errors, input.Adviser);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var caller = CallingPartner.Of(user);
        var organisationId = caller.OrganisationId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.FindForPartnerAsync(id, organisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        await db.LockAsync(dossier, cancellationToken);
        var partner = dossier.PartnerOf(organisationId)!;
        if (partner.Relation != PartnerRelation.Submitter)
        {
            return Problems.Forbidden("Votre organisme suit ce dossier sans l'avoir déposé : seul l'organisme qui l'a déposé peut le modifier.");
        }

        if (!DossierLifeCycle.IsOpen(dossier.Status))
        {
            return Problems.Conflict($"Ce dossier est « {DossierLifeCycle.Label(dossier.Status)} » : il ne peut plus être modifié.");
        }

        var declaredBefore = dossier.Content.Consent;
        dossier.Replace(content!, TerritoryRouting.TerritoryAfterChange(dossier, content!, territories.Value), now);
        partner.PartnerReference = content!.Identification.PartnerReference;
        partner.FollowedBy(adviser);
        db.RecordDeclared(dossier.Id, declaredBefore, content.Consent, caller.Actor, now);
        await db.RefreshCardAsync(dossier, now, cancellationToken);
        if (declaredBefore.TalentPool && !content.Consent.TalentPool)
        {
            await db.LeavePoolAsync(links, dossier, caller.Actor, "Le candidat a retiré son consentement à la publication dans le vivier (déclaré par son partenaire).", now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DossierViews.ForPartner(dossier, partner));
    }

    private static async Task<Results<Ok<IReadOnlyList<DossierTransitionView>>, NotFoundProblem>> HistoryAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = CallingPartner.Of(user).OrganisationId;
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Transitions).FindForPartnerAsync(id, organisationId, cancellationToken);
        return dossier is null
            ? Problems.NotFound(PartnerAccess.DossierNotFound)
            : TypedResults.Ok<IReadOnlyList<DossierTransitionView>>([.. dossier.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(DossierViews.Transition)]);
    }

    /// <summary>Its refusals (404, 403, 409, 413, 422) are declared on the route: one typed result holds at most six kinds.</summary>
    private static async Task<Results<Ok<PartnerDossierView>, EarlierAnswer, ValidationProblem, ProblemAnswer>> WithdrawAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, DossierBodyMaxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var caller = CallingPartner.Of(user);
        var errors = new ValidationErrors();
        var idempotency = IdempotentPost.Of(request, caller.Requester, errors);
        var hash = idempotency is null ? null : await IdempotentRequests.HashAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<WithdrawalRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return errors.Merge(body.Errors).ToProblem();
        }

        var reason = input.Reason?.Trim();
        errors.Merge(body.Errors)
            .AddIf(string.IsNullOrEmpty(reason), "reason", "Indiquez pourquoi le dossier est retiré.")
            .AddIf(reason?.Length > DossierRules.LongTextMaxLength, "reason", $"Le motif ne doit pas dépasser {DossierRules.LongTextMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (idempotency is not null && await idempotency.ClaimAsync(db, hash!, now, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var dossier = await db.Dossiers.FindForPartnerAsync(id, caller.OrganisationId, cancellationToken);
        if (dossier is null)
        {
            return Problems.NotFound(PartnerAccess.DossierNotFound);
        }

        await db.LockAsync(dossier, cancellationToken);
        var partner = dossier.PartnerOf(caller.OrganisationId)!;
        if (partner.Relation != PartnerRelation.Submitter)
        {
            return Problems.Forbidden("Votre organisme suit ce dossier sans l'avoir déposé : seul l'organisme qui l'a déposé peut le retirer.");
        }

        var from = dossier.Status;
        if (dossier.Move(DossierStatus.Withdrawn, caller.Actor, reason, now) is { } refusal)
        {
            return Problems.Conflict("Changement de statut impossible.", refusal);
        }

        await DossierStatusChanges.RecordAsync(db, links, dossier, from, reason, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var view = DossierViews.ForPartner(dossier, partner);
        if (idempotency is not null)
        {
            await idempotency.CompleteAsync(db, StatusCodes.Status200OK, null, view, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(view);
    }
}
