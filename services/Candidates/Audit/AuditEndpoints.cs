using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapPersonalDataAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/candidates/personal-data-reads", ListAsync)
            .WithTags("Données personnelles des candidats")
            .WithSummary("Le journal des consultations des données personnelles des candidats (le plus récent d'abord)")
            .RequireAccess(AccessPolicies.ReadPersonalDataAudit);
        return routes;
    }

    private static async Task<Results<Ok<PageOf<PersonalDataReadView>>, ValidationProblem>> ListAsync(
        CandidatesDbContext db, Guid? dossierId, Guid? accountId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var query = db.PersonalDataReads.AsNoTracking();
        if (dossierId is { } dossier)
        {
            query = query.Where(r => r.DossierId == dossier);
        }

        if (accountId is { } account)
        {
            query = query.Where(r => r.AccountId == account);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size)
            .Select(r => new PersonalDataReadView(r.Id, r.At, r.AccountId, r.ReaderName, r.DossierId, r.What, r.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<PersonalDataReadView>(rows, number, size, total));
    }
}
