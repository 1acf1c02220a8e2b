using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Audit;

/// <summary>
/// The data-protection officer's view of the audit log of personal-data reads: search by dossier, by reader and by
/// period (Europe/Paris days), as pages or as a CSV file for their records.
/// </summary>
public static class AuditEndpoints
{
    public const string Route = "/api/candidates/personal-data-reads";

    /// <summary>A CSV export holds at most this many lines: narrow the period for more.</summary>
    public const int CsvMaxRows = 100_000;

    public static IEndpointRouteBuilder MapPersonalDataAudit(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup(Route).WithTags("Données personnelles des candidats").RequireAccess(AccessPolicies.ReadPersonalDataAudit);
        audit.MapGet("/", ListAsync)
            .WithSummary("Le journal des consultations des données personnelles des candidats (le plus récent d'abord ; filtres : dossier, lecteur, période)");
        audit.MapGet("/export.csv", ExportAsync)
            .WithSummary("Le même journal en CSV (séparateur « ; », UTF-8), avec les mêmes filtres")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<PersonalDataReadView>>, ValidationProblem>> ListAsync(
        CandidatesDbContext db, Guid? dossierId, Guid? accountId, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize).Merge(ValidatePeriod(from, to));
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var query = Filter(db, dossierId, accountId, from, to);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size)
            .Select(r => new PersonalDataReadView(r.Id, r.At, r.AccountId, r.ReaderName, r.DossierId, r.What, r.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<PersonalDataReadView>(rows, number, size, total));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        CandidatesDbContext db, Guid? dossierId, Guid? accountId, DateOnly? from, DateOnly? to, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = ValidatePeriod(from, to);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var rows = await Filter(db, dossierId, accountId, from, to).OrderBy(r => r.Id).Take(CsvMaxRows).ToListAsync(cancellationToken);
        var csv = new StringBuilder().AppendRow("date (Europe/Paris)", "compte du lecteur", "lecteur", "dossier", "donnée lue", "détail");
        foreach (var r in rows)
        {
            var at = TimeZoneInfo.ConvertTime(r.At, ParisTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            csv.AppendRow(at, r.AccountId.ToString(), r.ReaderName, r.DossierId.ToString(), r.What, r.Detail ?? "");
        }

        return Csv.File(csv, $"journal-donnees-personnelles-{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "debut"}-{to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "fin"}.csv", response);
    }

    private static ValidationErrors ValidatePeriod(DateOnly? from, DateOnly? to) =>
        new ValidationErrors().AddIf(from > to, "to", "La fin de la période ne peut pas précéder son début.");

    private static IQueryable<PersonalDataRead> Filter(CandidatesDbContext db, Guid? dossierId, Guid? accountId, DateOnly? from, DateOnly? to)
    {
        var query = db.PersonalDataReads.AsNoTracking();
        if (dossierId is { } dossier)
        {
            query = query.Where(r => r.DossierId == dossier);
        }

        if (accountId is { } account)
        {
            query = query.Where(r => r.AccountId == account);
        }

        if (from is { } first)
        {
            var since = ParisTime.StartOf(first);
            query = query.Where(r => r.At >= since);
        }

        if (to is { } last)
        {
            var until = ParisTime.StartOf(last.AddDays(1));
            query = query.Where(r => r.At < until);
        }

        return query;
    }
}
