using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Grids;

/// <summary>The fee grids: public to read; an admin prepares a year's grid from the one in force and edits it until it is used.</summary>
public static class FeeGridsEndpoints
{
    public const string Route = "/api/billing/grids";

    /// <summary>No grid is made for a year outside these (a typing mistake, not a plan).</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private const long MaxAmountCents = 100_000_000;

    public static IEndpointRouteBuilder MapFeeGrids(this IEndpointRouteBuilder routes)
    {
        var grids = routes.MapGroup(Route).WithTags("Grilles de cotisation");
        grids.MapGet("/", ListAsync).AllowEveryone().WithSummary("Les grilles de cotisation, de la plus récente à la plus ancienne");
        grids.MapGet("/{year:int}", GetInForceAsync).AllowEveryone().WithSummary("La grille en vigueur une année (la plus récente faite pour cette année ou avant)");
        grids.MapPost("/", CreateAsync).RequireAccess(AccessPolicies.ManageFeeGrids).WithSummary("Créer la grille d'une année, copie de la grille en vigueur cette année-là");
        grids.MapPut("/{year:int}", UpdateAsync).RequireAccess(AccessPolicies.ManageFeeGrids).WithSummary("Modifier la grille d'une année tant qu'aucun appel de cotisation ne l'a utilisée");
        return routes;
    }

    public static Task<FeeGrid?> InForceAsync(this BillingDbContext db, int year, CancellationToken cancellationToken) =>
        db.FeeGrids.Where(g => g.Year <= year).OrderByDescending(g => g.Year).FirstOrDefaultAsync(cancellationToken);

    public static FeeGridView View(FeeGrid grid) => new(
        grid.Year,
        grid.InUse,
        new FeeTableView(FeeGridTexts.DigitalSectorTitle, FeeGridTexts.DigitalSectorHeadcount, [.. grid.Content.DigitalSector.Select(View)]),
        new FeeTableView(FeeGridTexts.OtherSectorsTitle, FeeGridTexts.OtherSectorsHeadcount, [.. grid.Content.OtherSectors.Select(View)]),
        new StartupFeesView(grid.Content.Startup.StandardCents, grid.Content.Startup.AffiliatedCents, grid.Content.Startup.AffiliatedWithStartupPackCents),
        FeeGridTexts.Footnotes);

    private static FeeBandView View(FeeBand band) => new(band.From, band.To, band.Label, band.StandardCents, band.AffiliatedCents);

    private static async Task<Ok<IReadOnlyList<FeeGridView>>> ListAsync(BillingDbContext db, CancellationToken cancellationToken)
    {
        var grids = await db.FeeGrids.AsNoTracking().OrderByDescending(g => g.Year).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FeeGridView>>([.. grids.Select(View)]);
    }

    private static async Task<Results<Ok<FeeGridView>, NotFoundProblem>> GetInForceAsync(BillingDbContext db, int year, CancellationToken cancellationToken) =>
        await db.InForceAsync(year, cancellationToken) is { } grid
            ? TypedResults.Ok(View(grid))
            : Problems.NotFound($"Aucune grille de cotisation n'est en vigueur en {year}.");

    private static async Task<Results<Created<FeeGridView>, ValidationProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(
        BillingDbContext db, TimeProvider clock, FeeGridCreation body, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(body.Year is null, "year", "L'année de la grille est obligatoire.")
            .AddIf(body.Year is < FirstYear or > LastYear, "year", $"L'année doit être comprise entre {FirstYear} et {LastYear}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var year = body.Year!.Value;
        if (await db.FeeGrids.AnyAsync(g => g.Year == year, cancellationToken))
        {
            return Problems.Conflict($"La grille de cotisation {year} existe déjà : modifiez-la tant qu'elle n'a pas servi.");
        }

        if (await db.InForceAsync(year, cancellationToken) is not { } current)
        {
            return Problems.Unprocessable("Aucune grille à copier", $"Aucune grille de cotisation n'est en vigueur en {year} : il n'y a rien à copier.");
        }

        var grid = new FeeGrid { Year = year, Content = current.Content, CreatedAt = clock.GetUtcNowForDatabase() };
        db.FeeGrids.Add(grid);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Route}/{year}", View(grid));
    }

    private static async Task<Results<Ok<FeeGridView>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdateAsync(
        BillingDbContext db, TimeProvider clock, int year, FeeGridUpdate body, CancellationToken cancellationToken)
    {
        var grid = await db.FeeGrids.SingleOrDefaultAsync(g => g.Year == year, cancellationToken);
        if (grid is null)
        {
            return Problems.NotFound($"Il n'y a pas de grille de cotisation faite pour {year}.");
        }

        var errors = new ValidationErrors();
        var digital = Bands(body.DigitalSector, "digitalSector", errors);
        var others = Bands(body.OtherSectors, "otherSectors", errors);
        var startup = body.Startup;
        if (startup is null)
        {
            errors.Add("startup", "Les montants de la ligne start-up sont obligatoires.");
        }
        else
        {
            Amount(startup.StandardCents, "startup.standardCents", errors);
            Amount(startup.AffiliatedCents, "startup.affiliatedCents", errors);
            Amount(startup.AffiliatedWithStartupPackCents, "startup.affiliatedWithStartupPackCents", errors);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        if (grid.InUse)
        {
            return Problems.Conflict("Grille utilisée",
                $"La grille de cotisation {year} a déjà servi à des appels de cotisation : elle ne peut plus être modifiée. Créez la grille de l'année suivante.");
        }

        grid.Content = new FeeGridContent(digital, others, new StartupFees(startup!.StandardCents, startup.AffiliatedCents, startup.AffiliatedWithStartupPackCents));
        grid.UpdatedAt = clock.GetUtcNowForDatabase();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(grid));
    }

    /// <summary>A table's bands: from 0, each one after the previous, the last one open, amounts from 0.</summary>
    private static List<FeeBand> Bands(IReadOnlyList<FeeBandUpdate>? bands, string field, ValidationErrors errors)
    {
        var result = new List<FeeBand>();
        if (bands is not { Count: > 0 })
        {
            errors.Add(field, "Le tableau doit avoir au moins une tranche.");
            return result;
        }

        var expectedFrom = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var at = $"{field}[{i}]";
            var last = i == bands.Count - 1;
            if (band.From != expectedFrom)
            {
                errors.Add($"{at}.from", i == 0
                    ? "La première tranche commence à 0 salarié."
                    : $"Cette tranche doit commencer à {expectedFrom}, juste après la précédente.");
            }

            if (last && band.To is not null)
            {
                errors.Add($"{at}.to", "La dernière tranche n'a pas de borne supérieure (« Plus de … »).");
            }
            else if (!last && band.To is null)
            {
                errors.Add($"{at}.to", "Seule la dernière tranche peut être sans borne supérieure.");
            }
            else if (band.To < (band.From ?? 0))
            {
                errors.Add($"{at}.to", "La borne supérieure doit être au moins égale à la borne inférieure.");
            }

            Amount(band.StandardCents, $"{at}.standardCents", errors);
            Amount(band.AffiliatedCents, $"{at}.affiliatedCents", errors);
            if (band.Label is { Length: > 60 })
            {
                errors.Add($"{at}.label", "Le libellé d'une tranche fait au plus 60 caractères.");
            }

            var from = band.From ?? expectedFrom;
            result.Add(new FeeBand(from, band.To, string.IsNullOrWhiteSpace(band.Label) ? FeeBand.LabelFor(from, band.To) : band.Label.Trim(),
                band.StandardCents ?? 0, band.AffiliatedCents ?? 0));
            expectedFrom = (band.To ?? from) + 1;
        }

        return result;
    }

    private static void Amount(long? cents, string field, ValidationErrors errors)
    {
        if (cents is null)
        {
            errors.Add(field, "Le montant est obligatoire (en centimes d'euro).");
        }
        else if (cents is < 0 or > MaxAmountCents)
        {
            errors.Add(field, "Le montant doit être compris entre 0 et 1 000 000 €.");
        }
    }
}
