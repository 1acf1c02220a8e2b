using Microsoft.AspNetCore.Http.HttpResults;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Grids;

/// <summary>« Combien coûte l'adhésion » for anyone: the fee a member would be called for, explained.</summary>
public static class QuoteEndpoints
{
    public const string Route = "/api/billing/quote";

    /// <summary>More staff than this in one territory is a typing mistake.</summary>
    private const int MaxHeadcount = 1_000_000;

    public static IEndpointRouteBuilder MapQuote(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, QuoteAsync).AllowEveryone().WithTags("Grilles de cotisation")
            .WithSummary("Le montant de la cotisation d'une année pour un organisme, calculé ligne à ligne et expliqué");
        return routes;
    }

    private static async Task<Results<Ok<FeeQuoteView>, ValidationProblem, NotFoundProblem>> QuoteAsync(
        BillingDbContext db,
        TimeProvider clock,
        int? year,
        string? category,
        bool? digitalSector,
        int? alsace,
        int? champagneArdenne,
        int? lorraine,
        bool? affiliated,
        DateOnly? startupCreatedOn,
        int? startupHeadcount,
        string? startupTurnover,
        bool? startupPack,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(year is < FeeGridsEndpoints.FirstYear or > FeeGridsEndpoints.LastYear, "year",
                $"L'année doit être comprise entre {FeeGridsEndpoints.FirstYear} et {FeeGridsEndpoints.LastYear}.");
        if (string.IsNullOrWhiteSpace(category))
        {
            errors.Add("category", "La catégorie d'organisme est obligatoire.");
        }
        else if (!MembershipForm.OrganisationCategories.Contains(category))
        {
            errors.Add("category", $"Catégorie inconnue : choisissez parmi {string.Join(", ", MembershipForm.OrganisationCategories)}.");
        }

        var byGrid = category is not null && FeeRules.PaysByGrid(category);
        if (byGrid)
        {
            errors.AddIf(digitalSector is null, "digitalSector", "Indiquez si l'organisme est du secteur numérique.");
            Headcount(alsace, "alsace", errors);
            Headcount(champagneArdenne, "champagneArdenne", errors);
            Headcount(lorraine, "lorraine", errors);
        }

        var startupGiven = startupCreatedOn is not null || startupHeadcount is not null || startupTurnover is not null;
        if (byGrid && startupGiven)
        {
            errors.AddIf(startupCreatedOn is null, "startupCreatedOn", "La date de création de la start-up est obligatoire.");
            errors.AddIf(startupCreatedOn > clock.TodayInParis(), "startupCreatedOn", "La date de création ne peut pas être dans le futur.");
            errors.AddIf(startupHeadcount is null, "startupHeadcount", "L'effectif de la start-up est obligatoire.");
            errors.AddIf(startupHeadcount is < 0 or > MaxHeadcount, "startupHeadcount", "L'effectif doit être un nombre positif ou nul.");
            errors.AddIf(startupTurnover is null, "startupTurnover", "Le chiffre d'affaires de la start-up est obligatoire.");
            errors.AddIf(startupTurnover is not null && !MembershipForm.TurnoverBands.Contains(startupTurnover), "startupTurnover",
                $"Chiffre d'affaires inconnu : choisissez parmi {string.Join(", ", MembershipForm.TurnoverBands)}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var feeYear = year ?? clock.TodayInParis().Year;
        if (await db.InForceAsync(feeYear, cancellationToken) is not { } grid)
        {
            return Problems.NotFound($"Aucune grille de cotisation n'est en vigueur en {feeYear}.");
        }

        var subject = new FeeSubject(
            category!,
            digitalSector ?? false,
            new MembershipPerimeter(alsace ?? 0, champagneArdenne ?? 0, lorraine ?? 0),
            affiliated ?? false,
            Startup: byGrid && startupGiven ? new StartupFacts(startupCreatedOn!.Value, startupHeadcount!.Value, startupTurnover!, startupPack ?? false) : null);
        return TypedResults.Ok(FeeRules.Compute(feeYear, grid.Year, grid.Content, subject));
    }

    private static void Headcount(int? value, string field, ValidationErrors errors)
    {
        if (value is < 0 or > MaxHeadcount)
        {
            errors.Add(field, "Le nombre de salariés doit être un nombre positif ou nul.");
        }
    }
}
