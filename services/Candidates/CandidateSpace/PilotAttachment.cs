using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// The attachment confirmed by the pilot, for a person who cannot receive the code at the dossier's address: they give
/// the dossier's number, the territory's pilots are told, and one of them, who knows the candidate, confirms or not.
/// </summary>
public static class PilotAttachment
{
    public static IEndpointRouteBuilder MapPilotAttachment(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{CandidateSpaceEndpoints.Route}/attachment/pilot", AskAsync).Accepts<PilotAttachmentRequest>("application/json")
            .WithTags("Candidats — mon dossier").RequireAccess(AccessPolicies.OwnAccount)
            .WithSummary("Demander au pilote de la commission de confirmer le rattachement (sans code), avec le numéro du dossier");
        routes.MapPost($"{CommissionEndpoints.Route}/{{id:guid}}/attachment", DecideAsync).Accepts<AttachmentDecision>("application/json")
            .WithTags("Commissions AAR — qualification des candidats").RequireAccess(AccessPolicies.CommissionWork)
            .WithSummary("Confirmer (ou non) qu'un compte est celui du candidat (pilote)");
        return routes;
    }

    private static async Task<Results<Accepted<AttachmentView>, ValidationProblem, ConflictProblem>> AskAsync(
        PilotAttachmentRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var number = Dossier.ParseNumber(body?.Number);
        var message = body?.Message?.Trim() is { Length: > 0 } text ? text : null;
        var email = user.FindFirstValue(NegeClaims.Email);
        var errors = new ValidationErrors()
            .AddIf(number is null, "number", "Indiquez le numéro de votre dossier (par exemple D-000123) : il figure dans le courriel reçu lors de son dépôt.")
            .AddIf(message?.Length > CandidateCommitment.DetailsMaxLength, "message", $"Le message ne doit pas dépasser {CandidateCommitment.DetailsMaxLength} caractères.")
            .AddIf(string.IsNullOrEmpty(email), "", "Votre compte n'a pas d'adresse électronique : le pilote ne pourrait pas vous répondre.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var accountId = user.CallerId()!.Value;
        var now = clock.GetUtcNowForDatabase();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attachment = await db.CandidateAttachments.SingleOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (attachment is { Attached: true })
        {
            return Problems.Conflict("Un dossier est déjà rattaché à votre compte.");
        }

        // The same answer whatever the number: the page never tells which dossiers exist.
        var answer = new AttachmentView("pending_pilot", "Si ce numéro correspond à un dossier en cours, le pilote de sa commission vérifiera qu'il est le vôtre et vous répondra par courriel.", null);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Number == number && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.Closed, cancellationToken);
        if (dossier is null || await db.CandidateAttachments.AnyAsync(a => a.DossierId == dossier.Id && a.AttachedAt != null, cancellationToken))
        {
            return TypedResults.Accepted((string?)null, answer);
        }

        if (attachment is null)
        {
            attachment = new CandidateAttachment { AccountId = accountId };
            db.CandidateAttachments.Add(attachment);
        }

        var requester = new Recipient(user.CallerName(), email!);
        attachment.AskPilot(dossier.Id, requester.Name, requester.Email, message, now);
        db.AddToOutbox(new AttachmentConfirmationRequested(dossier.Id, dossier.NumberText,
            $"{dossier.Content.Identification.FirstName} {dossier.Content.Identification.LastName}", requester, message, now)
        {
            Pilots = dossier.Territory is { } territory ? await db.PilotsOfAsync(territory, cancellationToken) : [],
            CommissionLink = links.CommissionDossier(dossier.Id),
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, answer);
    }

    private static async Task<Results<Ok<IReadOnlyList<PendingAttachmentView>>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> DecideAsync(
        Guid id, AttachmentDecision? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(body?.AccountId is null, "accountId", "Indiquez le compte dont vous confirmez (ou non) la demande.")
            .AddIf(body?.Confirmed is null, "confirmed", "Indiquez si ce compte est bien celui du candidat (true) ou non (false).");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !caller.Sees(dossier))
        {
            return Problems.NotFound(CommissionEndpoints.NotFoundDetail);
        }

        if (!caller.Pilots(dossier))
        {
            return Problems.Forbidden($"Seul un pilote de la commission {dossier.Territory} confirme le rattachement d'un dossier.");
        }

        await db.LockAsync(dossier, cancellationToken);
        var attachment = await db.CandidateAttachments.SingleOrDefaultAsync(a => a.AccountId == body!.AccountId && a.DossierId == id && a.PilotAskedAt != null && a.AttachedAt == null, cancellationToken);
        if (attachment is null)
        {
            return Problems.NotFound("Ce compte n'attend pas de confirmation pour ce dossier.");
        }

        var confirmed = body!.Confirmed!.Value;
        if (confirmed && await db.CandidateAttachments.AnyAsync(a => a.DossierId == id && a.AttachedAt != null, cancellationToken))
        {
            return Problems.Conflict("Ce dossier est déjà rattaché à un autre compte.");
        }

        var now = clock.GetUtcNowForDatabase();
        attachment.DecidedByPilot(confirmed, now);
        if (confirmed)
        {
            db.AddToOutbox(new CandidateAttached(attachment.AccountId, id, now), now);
        }

        db.AddToOutbox(new AttachmentDecided(new Recipient(attachment.RequesterName!, attachment.RequesterEmail!), dossier.NumberText, confirmed, now)
        {
            SpaceLink = links.To("/espace-membre/candidat"),
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await PendingOfAsync(db, id, cancellationToken));
    }

    internal static async Task<IReadOnlyList<PendingAttachmentView>> PendingOfAsync(CandidatesDbContext db, Guid dossierId, CancellationToken cancellationToken) =>
        [.. (await db.CandidateAttachments.AsNoTracking().Where(a => a.DossierId == dossierId && a.PilotAskedAt != null && a.AttachedAt == null)
                .OrderBy(a => a.PilotAskedAt).ToListAsync(cancellationToken))
            .Select(a => new PendingAttachmentView(a.AccountId, a.RequesterName!, a.RequesterEmail!, a.PilotMessage, a.PilotAskedAt!.Value))];
}
