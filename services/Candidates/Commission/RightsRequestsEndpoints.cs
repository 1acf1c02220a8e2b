using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.CandidateSpace;
using Nege.Candidates.Dossiers;
using Nege.Candidates.Retention;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Commission;

/// <summary>
/// The candidates' requests (correction of the analyses, objection, erasure) in their territory's commission: its
/// members see them, its pilots answer within the month. An accepted erasure erases the dossier at once, by the
/// retention's own erasure; an accepted objection withdraws the dossier.
/// </summary>
public static class RightsRequestsEndpoints
{
    public const string Route = "/api/candidates/commission/requests";
    public const string PagePath = "/espace-membre/commission/demandes";

    private const string Open = "open";
    private const string Overdue = "overdue";
    private const string Answered = "answered";

    public static IEndpointRouteBuilder MapRightsRequests(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup(Route).WithTags("Commissions AAR — demandes des candidats").RequireAccess(AccessPolicies.CommissionWork);
        requests.MapGet("/", ListAsync).WithSummary("Les demandes des candidats de vos territoires : à traiter (par défaut), en retard, ou traitées");
        requests.MapPost("/{id:guid}/answer", AnswerAsync).Accepts<RightsRequestAnswer>("application/json")
            .WithSummary("Répondre à une demande (pilote) : une suppression acceptée efface le dossier aussitôt, une opposition acceptée le retire");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<CommissionRightsRequestView>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, CandidatesDbContext db, TimeProvider clock, string? state, string? territory, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var errors = Paging.Validate(page, pageSize)
            .AddIf(state is not (null or Open or Overdue or Answered), "state",
                $"L'état doit être « {Open} » (à traiter, par défaut), « {Overdue} » (en retard) ou « {Answered} » (traitées).")
            .AddIf(territory is not null && !CandidateForm.Territories.Contains(territory), "territory", $"Le territoire doit être l'un de : {string.Join(", ", CandidateForm.Territories)}.")
            .AddIf(territory is not null && CandidateForm.Territories.Contains(territory) && !caller.Admin && !caller.Territories.Contains(territory),
                "territory", "Vous n'êtes pas membre de la commission de ce territoire.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var today = clock.TodayInParis();
        var dossiers = caller.Visible(db.Dossiers.AsNoTracking());
        if (territory is not null)
        {
            dossiers = dossiers.Where(d => d.Territory == territory);
        }

        var rows = db.RightsRequests.AsNoTracking().Join(dossiers, r => r.DossierId, d => d.Id, (r, d) => new { Request = r, Dossier = d });
        rows = state switch
        {
            Answered => rows.Where(r => r.Request.State != RightsRequestState.Open).OrderByDescending(r => r.Request.AnsweredAt).ThenBy(r => r.Request.Id),
            Overdue => rows.Where(r => r.Request.State == RightsRequestState.Open && r.Request.DueOn < today).OrderBy(r => r.Request.DueOn).ThenBy(r => r.Request.Id),
            _ => rows.Where(r => r.Request.State == RightsRequestState.Open).OrderBy(r => r.Request.DueOn).ThenBy(r => r.Request.Id),
        };
        var (number, size) = Paging.Of(page, pageSize);
        var total = await rows.CountAsync(cancellationToken);
        var found = await rows.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<CommissionRightsRequestView>(
            [.. found.Select(r => new CommissionRightsRequestView(r.Dossier.Id, r.Dossier.NumberText,
                $"{r.Dossier.Content.Identification.FirstName} {r.Dossier.Content.Identification.LastName}", r.Dossier.Territory, RightsRequest.View(r.Request, today)))],
            number, size, total));
    }

    private static async Task<Results<Ok<RightsRequestView>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AnswerAsync(
        Guid id, RightsRequestAnswer? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        bool? accepted = body?.Decision?.Trim() switch
        {
            "accepted" => true,
            "refused" => false,
            _ => null,
        };
        var message = body?.Message?.Trim() is { Length: > 0 } text ? text : null;
        var errors = new ValidationErrors()
            .AddIf(accepted is null, "decision", "La décision doit être « accepted » (acceptée) ou « refused » (refusée).")
            .AddIf(accepted == false && message is null, "message", "Expliquez au candidat pourquoi sa demande est refusée.")
            .AddIf(message?.Length > RightsRequest.TextMaxLength, "message", $"Le message ne doit pas dépasser {RightsRequest.TextMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.RightsRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var dossier = request is null ? null : await db.Dossiers.Include(d => d.Partners).SingleOrDefaultAsync(d => d.Id == request.DossierId, cancellationToken);
        if (request is null || dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound("Cette demande n'existe pas, ou elle ne concerne pas un dossier de votre commission.");
        }

        if (!caller.Pilots(dossier))
        {
            return Problems.Forbidden($"Seul un pilote de la commission {dossier.Territory} répond aux demandes des candidats.");
        }

        await db.LockAsync(dossier, cancellationToken);
        await db.Entry(request).ReloadAsync(cancellationToken);
        if (request.State != RightsRequestState.Open)
        {
            return Problems.Conflict($"Cette demande a déjà reçu une réponse : « {RightsRequest.Label(request.State)} ».");
        }

        var now = clock.GetUtcNowForDatabase();
        var today = clock.TodayInParis();
        request.Decide(accepted!.Value, message, caller.Name, now);
        var answered = RightsRequest.View(request, today);
        if (accepted == true && request.Kind == RightsRequestKind.Erasure)
        {
            // Nothing of the dossier stays, the request included: the candidate's confirmation goes with DossierErased.
            db.ChangeTracker.Clear();
            await db.EraseAsync(dossier.Id, DossierErasure.RequestReason, new ErasureRequestAccepted(message), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(answered);
        }

        if (accepted == true && request.Kind == RightsRequestKind.Objection && DossierLifeCycle.IsOpen(dossier.Status))
        {
            var from = dossier.Status;
            var reason = $"Le candidat s'oppose au traitement de ses données ; opposition acceptée par {caller.Name}.";
            if (dossier.Move(DossierStatus.Withdrawn, caller.Actor, reason, now) is null)
            {
                await DossierStatusChanges.RecordAsync(db, links, dossier, from, reason, now, cancellationToken);
            }
        }

        db.AddToOutbox(new RightsRequestAnswered(request.Id, dossier.NumberText, dossier.Content.Identification.FirstName, dossier.Content.Identification.Email,
            RightsRequest.Label(request.Kind), accepted.Value, message, now), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(answered);
    }
}
