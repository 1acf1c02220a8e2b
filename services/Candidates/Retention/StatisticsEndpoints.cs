using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Retention;

/// <summary>The anonymised counts the erasure keeps (seed 004's promise is kept, the association still knows what it did).</summary>
public static class StatisticsEndpoints
{
    public const string Route = "/api/candidates/statistics";

    public static IEndpointRouteBuilder MapDossierStatistics(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(Route).WithTags("Données personnelles des candidats").RequireAccess(AccessPolicies.CandidateStatistics)
            .MapGet("/", ListAsync).WithSummary("Les dossiers effacés, comptés par mois de dépôt, territoire, issue et tranche d'âge (filtres : de, à, mois de dépôt)");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DossierStatisticView>>, ValidationProblem>> ListAsync(
        CandidatesDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().AddIf(from > to, "to", "La fin de la période doit suivre son début.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var rows = db.DossierStatistics.AsNoTracking();
        if (from is { } start)
        {
            var month = new DateOnly(start.Year, start.Month, 1);
            rows = rows.Where(s => s.Month >= month);
        }

        if (to is { } end)
        {
            rows = rows.Where(s => s.Month <= end);
        }

        var found = await rows.OrderBy(s => s.Month).ThenBy(s => s.Territory).ThenBy(s => s.Outcome).ThenBy(s => s.AgeBand).Take(10_000).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DossierStatisticView>>([.. found.Select(s => new DossierStatisticView(
            s.Month, s.Territory, s.Outcome, DossierLifeCycle.FromCode(s.Outcome) is { } status ? DossierLifeCycle.Label(status) : s.Outcome, s.AgeBand, s.Count))]);
    }
}
