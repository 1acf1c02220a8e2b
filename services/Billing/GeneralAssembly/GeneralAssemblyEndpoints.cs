using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nege.Billing.Calls;
using Nege.Contracts.Api.Billing;
using Nege.Printing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.GeneralAssembly;

/// <summary>The board's roll of the general assembly, as data, CSV and PDF (« liste d'émargement »).</summary>
public static class GeneralAssemblyEndpoints
{
    public const string Route = "/api/billing/general-assembly";

    public static IEndpointRouteBuilder MapGeneralAssembly(this IEndpointRouteBuilder routes)
    {
        var roll = routes.MapGroup(Route).WithTags("Assemblée générale").RequireAccess(AccessPolicies.GeneralAssemblyRoll);
        roll.MapGet("/roll", RollAsync).WithSummary("Les adhérents à jour de leur cotisation à la date de l'assemblée, avec leurs voix (date, par défaut aujourd'hui)");
        roll.MapGet("/roll.csv", CsvAsync).WithSummary("La même liste en CSV").Produces(StatusCodes.Status200OK, typeof(string), "text/csv");
        roll.MapGet("/roll.pdf", PdfAsync).WithSummary("La liste d'émargement en PDF, avec une colonne pour la signature").Produces(StatusCodes.Status200OK, typeof(byte[]), "application/pdf");
        return routes;
    }

    private static Task<GeneralAssemblyRollView> ComputeAsync(BillingDbContext db, TimeProvider clock, DateOnly? date, IOptions<GeneralAssemblyOptions> options, CancellationToken cancellationToken) =>
        GeneralAssemblyRoll.ComputeAsync(db, date ?? clock.TodayInParis(), options.Value, cancellationToken);

    private static async Task<Ok<GeneralAssemblyRollView>> RollAsync(
        BillingDbContext db, TimeProvider clock, DateOnly? date, IOptions<GeneralAssemblyOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ComputeAsync(db, clock, date, options, cancellationToken));

    private static async Task<FileContentHttpResult> CsvAsync(
        BillingDbContext db, TimeProvider clock, DateOnly? date, IOptions<GeneralAssemblyOptions> options, HttpResponse response, CancellationToken cancellationToken)
    {
        var roll = await ComputeAsync(db, clock, date, options, cancellationToken);
        var csv = new StringBuilder().AppendRow("organisme", "collège", "salariés sur le périmètre", "territoires", "voix", "cotisation réglée");
        foreach (var voter in roll.Voters)
        {
            csv.AppendRow(voter.Name, voter.Category, voter.Headcount.ToString(CultureInfo.InvariantCulture), string.Join(", ", voter.Territories),
                voter.Votes.ToString(CultureInfo.InvariantCulture), voter.PaidCallNumber);
        }

        return Csv.File(csv, $"assemblee-generale-{roll.AssemblyDate:yyyy-MM-dd}.csv", response);
    }

    private static async Task<FileContentHttpResult> PdfAsync(
        BillingDbContext db, TimeProvider clock, DateOnly? date, IOptions<GeneralAssemblyOptions> options, IOptions<AssociationIdentity> association,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var roll = await ComputeAsync(db, clock, date, options, cancellationToken);
        var pdf = new PlainPdf()
            .Title(association.Value.Name)
            .Heading($"Assemblée générale du {BillingDocuments.Day(roll.AssemblyDate)} - liste d'émargement")
            .Paragraph($"Adhérents des collèges Entreprise et Organisation professionnelle à jour de leur cotisation : {roll.Voters.Count}, "
                       + $"pour {roll.TotalVotes} voix. Non à jour : {roll.MembersNotUpToDate}.")
            .Paragraph("Voix selon les salariés sur le périmètre d'adhésion : "
                       + string.Join(", ", roll.Scale.Select(b => $"{b.Votes} à partir de {b.FromHeadcount}")))
            .Space();
        foreach (var voter in roll.Voters)
        {
            pdf.Row($"{voter.Name} ({voter.Category}, {voter.Headcount} salariés) - signature : ....................", $"{voter.Votes} voix");
        }

        pdf.Space().Row("Total", $"{roll.TotalVotes} voix", strong: true);
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf.ToBytes(), "application/pdf", $"assemblee-generale-{roll.AssemblyDate:yyyy-MM-dd}.pdf");
    }
}
