using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Candidates.PartnerApi;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// The follow-up sheets: the interested company writes its own (interviews, proposal, hire or end); the territory's
/// commission and the candidate's partners read them. A hire moves the dossier to « Recruté » and tells the partners.
/// </summary>
public static class FollowUpEndpoints
{
    public const string NoSheet = "Il n'y a pas (encore) de fiche de suivi : elle s'ouvre quand le candidat accepte le contact avec votre organisme.";

    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder routes)
    {
        var company = routes.MapGroup(InterestEndpoints.RecruiterRoute).WithTags("Vivier des candidats (entreprises adhérentes)")
            .RequireAccess(AccessPolicies.TalentPoolSearch)
            .AddEndpointFilter(TalentPoolEndpoints.RequireCurrentMember);
        company.MapGet("/{id:guid}/sheet", SheetAsync).WithSummary("La fiche de suivi du recrutement (ouverte quand le candidat a accepté le contact)");
        company.MapPost("/{id:guid}/sheet/entries", AddAsync).Accepts<FollowUpEntryRequest>("application/json")
            .WithSummary("Compléter la fiche de suivi : entretien, proposition, recrutement (contrat, date d'embauche) ou fin avec son motif");

        routes.MapGet("/api/candidates/commission/dossiers/{id:guid}/follow-ups", CommissionSheetsAsync)
            .WithTags("Commissions AAR — qualification des candidats").RequireAccess(AccessPolicies.CommissionWork)
            .WithSummary("Les fiches de suivi des entreprises intéressées par ce candidat");
        routes.MapGet($"{PartnerDossiersEndpoints.Route}/{{id:guid}}/follow-ups", PartnerSheetsAsync)
            .WithTags("API des partenaires emploi — dossiers des candidats").RequireAccess(AccessPolicies.PartnerCandidatesRead)
            .WithSummary("Les fiches de suivi des entreprises intéressées par votre candidat");
        routes.MapGet($"{PartnerDossiersEndpoints.AdviserRoute}/{{id:guid}}/follow-ups", PartnerSheetsAsync)
            .WithTags("Conseillers des partenaires emploi (extranet) — dossiers des candidats").RequireAccess(AccessPolicies.PartnerAdvisers)
            .AddEndpointFilter(PartnerAccess.RequireOrganisation)
            .WithSummary("Les fiches de suivi des entreprises intéressées par votre candidat");
        return routes;
    }

    private static async Task<Results<Ok<FollowUpSheetView>, NotFoundProblem>> SheetAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var organisationId = user.CallerOrganisationId()!.Value;
        var interest = await db.Interests.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrganisationId == organisationId, cancellationToken);
        var sheet = interest is null ? null : await db.FollowUpSheets.AsNoTracking().Include(s => s.Entries).SingleOrDefaultAsync(s => s.InterestId == id, cancellationToken);
        return interest is null ? Problems.NotFound(InterestEndpoints.InterestNotFound)
            : sheet is null ? Problems.NotFound(NoSheet)
            : TypedResults.Ok(FollowUpRules.View(sheet, interest.OrganisationName));
    }

    private static async Task<Results<Created<FollowUpSheetView>, ValidationProblem, NotFoundProblem, ConflictProblem>> AddAsync(
        Guid id, FollowUpEntryRequest? body, ClaimsPrincipal user, CandidatesDbContext db, SiteLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNowForDatabase();
        var (entry, errors) = FollowUpRules.Validate(body ?? new FollowUpEntryRequest(null, null, null, null, null, null, null), user.CallerName(), clock.TodayInParis(), now);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var organisationId = user.CallerOrganisationId()!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var interest = await db.Interests.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrganisationId == organisationId, cancellationToken);
        if (interest is null)
        {
            return Problems.NotFound(InterestEndpoints.InterestNotFound);
        }

        var dossier = await db.Dossiers.Include(d => d.Partners).SingleAsync(d => d.Id == interest.DossierId, cancellationToken);
        await db.LockAsync(dossier, cancellationToken);
        var sheet = await db.FollowUpSheets.Include(s => s.Entries).SingleOrDefaultAsync(s => s.InterestId == id, cancellationToken);
        if (sheet is null)
        {
            return Problems.NotFound(NoSheet);
        }

        if (sheet.Status != FollowUpStatus.Open)
        {
            return Problems.Conflict($"Cette fiche de suivi est close (« {FollowUpSheet.Label(sheet.Status)} ») : on n'y ajoute plus rien.");
        }

        if (entry!.Kind == FollowUpKind.Hire && !DossierLifeCycle.CanMove(dossier.Status, DossierStatus.Hired))
        {
            return Problems.Conflict("Recrutement impossible à consigner.", DossierLifeCycle.WhyNot(dossier.Status, DossierStatus.Hired));
        }

        sheet.Add(entry, now);
        dossier.Touch(now);
        var actor = new DossierActor(DossierActorKind.Person, user.CallerId()?.ToString() ?? "", $"{user.CallerName()} ({interest.OrganisationName})");
        if (entry.Kind == FollowUpKind.Hire)
        {
            var from = dossier.Status;
            var reason = $"Recruté par {interest.OrganisationName} en {entry.ContractType}, à partir du {entry.StartDate:dd/MM/yyyy}.";
            dossier.Move(DossierStatus.Hired, actor, reason, now);
            await DossierStatusChanges.RecordAsync(db, links, dossier, from, reason, now, cancellationToken);
        }
        else if (entry.Kind == FollowUpKind.End && dossier.Status == DossierStatus.InRecruitment
                 && !await db.FollowUpSheets.AnyAsync(s => s.DossierId == dossier.Id && s.InterestId != id && s.Status == FollowUpStatus.Open, cancellationToken))
        {
            // No other company is still recruiting them: the candidate is available in the pool again.
            var reason = $"Le recrutement avec {interest.OrganisationName} s'arrête : {entry.Reason}";
            dossier.Move(DossierStatus.Published, actor, reason, now);
            await DossierStatusChanges.RecordAsync(db, links, dossier, DossierStatus.InRecruitment, reason, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{InterestEndpoints.RecruiterRoute}/{id}/sheet", FollowUpRules.View(sheet, interest.OrganisationName));
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpSheetView>>, NotFoundProblem>> CommissionSheetsAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var caller = await CommissionCaller.LoadAsync(db, user, cancellationToken);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dossier is null || !caller.Sees(dossier)
            ? Problems.NotFound(CommissionEndpoints.NotFoundDetail)
            : TypedResults.Ok(await SheetsOfAsync(db, id, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpSheetView>>, NotFoundProblem>> PartnerSheetsAsync(
        Guid id, ClaimsPrincipal user, CandidatesDbContext db, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().FindForPartnerAsync(id, CallingPartner.Of(user).OrganisationId, cancellationToken);
        return dossier is null ? Problems.NotFound(PartnerAccess.DossierNotFound) : TypedResults.Ok(await SheetsOfAsync(db, id, cancellationToken));
    }

    internal static async Task<IReadOnlyList<FollowUpSheetView>> SheetsOfAsync(CandidatesDbContext db, Guid dossierId, CancellationToken cancellationToken)
    {
        var rows = await db.FollowUpSheets.AsNoTracking().Include(s => s.Entries).Where(s => s.DossierId == dossierId)
            .Join(db.Interests, s => s.InterestId, i => i.Id, (s, i) => new { Sheet = s, i.OrganisationName })
            .OrderBy(r => r.Sheet.OpenedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(r => FollowUpRules.View(r.Sheet, r.OrganisationName))];
    }
}
