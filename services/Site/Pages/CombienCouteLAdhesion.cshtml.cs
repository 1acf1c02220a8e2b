using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Data;
using Nege.Site.Cotisations;

namespace Nege.Site.Pages;

/// <summary>
/// « Combien coûte l'adhésion »: the fee grid in force this year, as the seed shows it (the two tables, the start-up
/// row, the footnotes), and a simulator: a form sent by GET (no script) that asks Billing for the quote of the facts
/// typed and shows its explanation, its amount and its computation, or the messages beside the fields.
/// </summary>
public sealed class CombienCouteLAdhesionModel(BillingApi api, TimeProvider clock) : PageModel
{
    public const string CategoryParameter = "categorie";
    public const string DigitalSectorParameter = "numerique";
    public const string AlsaceParameter = "alsace";
    public const string ChampagneArdenneParameter = "champagne-ardenne";
    public const string LorraineParameter = "lorraine";
    public const string AffiliatedParameter = "affilie";
    public const string StartupCreatedOnParameter = "creation";
    public const string StartupHeadcountParameter = "effectif";
    public const string StartupTurnoverParameter = "chiffre-affaires";
    public const string StartupPackParameter = "pack-startup";

    private static readonly string[] SimulatorParameters =
    [
        CategoryParameter, DigitalSectorParameter, AlsaceParameter, ChampagneArdenneParameter, LorraineParameter, AffiliatedParameter,
        StartupCreatedOnParameter, StartupHeadcountParameter, StartupTurnoverParameter, StartupPackParameter,
    ];

    /// <summary>The quote's parameters (the keys of Billing's 400) that have a field here, by the field's key.</summary>
    private static readonly IReadOnlyDictionary<string, string> FieldOfParameter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = nameof(Category),
        ["digitalSector"] = nameof(DigitalSector),
        ["alsace"] = nameof(Alsace),
        ["champagneArdenne"] = nameof(ChampagneArdenne),
        ["lorraine"] = nameof(Lorraine),
        ["affiliated"] = nameof(Affiliated),
        ["startupCreatedOn"] = nameof(StartupCreatedOn),
        ["startupHeadcount"] = nameof(StartupHeadcount),
        ["startupTurnover"] = nameof(StartupTurnover),
        ["startupPack"] = nameof(StartupPack),
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    // The fields as typed, read from the query rather than bound: the model state's keys stay the fields' own
    // (« Lorraine »), never the query's names, which differ from them only by case (« lorraine ») and would send the
    // error summary's links to a wrong id.
    public string? Category { get; private set; }

    /// <summary>« true » or « false », as typed.</summary>
    public string? DigitalSector { get; private set; }

    public string? Alsace { get; private set; }

    public string? ChampagneArdenne { get; private set; }

    public string? Lorraine { get; private set; }

    public string? Affiliated { get; private set; }

    public string? StartupCreatedOn { get; private set; }

    public string? StartupHeadcount { get; private set; }

    public string? StartupTurnover { get; private set; }

    public string? StartupPack { get; private set; }

    /// <summary>This year (Paris time): the grid in force and the year the simulator quotes.</summary>
    public int Year { get; private set; }

    /// <summary>Null when there is none for <see cref="Year"/> or Billing did not answer (<see cref="GridProblem"/>).</summary>
    public FeeGridView? Grid { get; private set; }

    public string? GridProblem { get; private set; }

    /// <summary>The simulator's answer; null until it was sent, or when it was refused (the messages are beside the fields).</summary>
    public FeeQuoteView? Quote { get; private set; }

    public bool StartupPackChecked => StartupPack is "true" or "on";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.TodayInParis().Year;
        try
        {
            Grid = await api.GetGridAsync(Year, ct);
            GridProblem = Grid is null ? $"La grille de cotisation {Year} n'est pas encore publiée." : null;
        }
        catch (BillingApiException exception)
        {
            GridProblem = exception.Problem?.Detail ?? "La grille de cotisation ne peut pas être affichée pour le moment. Veuillez réessayer dans quelques instants.";
        }

        if (Request.Query.Keys.Any(key => SimulatorParameters.Contains(key, StringComparer.Ordinal)))
        {
            Category = Typed(CategoryParameter);
            DigitalSector = Typed(DigitalSectorParameter);
            Alsace = Typed(AlsaceParameter);
            ChampagneArdenne = Typed(ChampagneArdenneParameter);
            Lorraine = Typed(LorraineParameter);
            Affiliated = Typed(AffiliatedParameter);
            StartupCreatedOn = Typed(StartupCreatedOnParameter);
            StartupHeadcount = Typed(StartupHeadcountParameter);
            StartupTurnover = Typed(StartupTurnoverParameter);
            StartupPack = Typed(StartupPackParameter);
            await SimulateAsync(ct);
        }
    }

    private async Task SimulateAsync(CancellationToken ct)
    {
        var hasStartupFacts = Filled(StartupCreatedOn) || Filled(StartupHeadcount) || Filled(StartupTurnover) || StartupPackChecked;
        var query = new FeeQuoteQuery(
            Year,
            Clean(Category),
            YesNo(DigitalSector, nameof(DigitalSector)),
            Headcount(Alsace, nameof(Alsace)),
            Headcount(ChampagneArdenne, nameof(ChampagneArdenne)),
            Headcount(Lorraine, nameof(Lorraine)),
            YesNo(Affiliated, nameof(Affiliated)),
            Day(StartupCreatedOn, nameof(StartupCreatedOn)),
            Headcount(StartupHeadcount, nameof(StartupHeadcount)),
            Clean(StartupTurnover),
            hasStartupFacts ? StartupPackChecked : null);
        // A date typed « 01/03/2025 » shows as a date field takes it.
        StartupCreatedOn = query.StartupCreatedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? StartupCreatedOn;
        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Quote = await api.GetQuoteAsync(query, ct);
        }
        catch (BillingApiException exception)
        {
            AddProblem(exception);
        }
    }

    /// <summary>Each of Billing's messages beside its field; those about a parameter without one (<c>year</c>) at the top.</summary>
    private void AddProblem(BillingApiException exception)
    {
        var errors = exception.Problem?.Errors ?? new Dictionary<string, string[]>();
        foreach (var (parameter, messages) in errors)
        {
            var key = FieldOfParameter.GetValueOrDefault(parameter) ?? "";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        if (errors.Count == 0)
        {
            ModelState.AddModelError("", exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }
    }

    private int? Headcount(string? typed, string key)
    {
        if (!Filled(typed))
        {
            return null;
        }

        if (int.TryParse(typed!.Trim().Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        ModelState.AddModelError(key, "Saisissez un nombre entier de salariés, 0 ou plus.");
        return null;
    }

    private bool? YesNo(string? typed, string key)
    {
        switch (Clean(typed))
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                ModelState.AddModelError(key, "Choisissez « Oui » ou « Non ».");
                return null;
        }
    }

    private DateOnly? Day(string? typed, string key)
    {
        if (!Filled(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed!.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(key, "Saisissez une date (jj/mm/aaaa).");
        return null;
    }

    private string? Typed(string parameter) => Request.Query[parameter].ToString() is { Length: > 0 } value ? value : null;

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
