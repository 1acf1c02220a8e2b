using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Vivier;

/// <summary>
/// « Vivier des candidats »: the recruiters and referents of a current member search the pseudonymous cards the
/// commissions published, in French free text and by job, skills, territory, département, contract, minimum level and
/// availability, the most relevant (or the newest) first, paged. The filters are the query string: a search is a link.
/// </summary>
public sealed class IndexModel(CandidatesApi api) : PageModel
{
    /// <summary>Each filter's API parameter → the field its message shows beside (its property, the id of its input).</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = nameof(Text),
        ["targetJob"] = nameof(TargetJob),
        ["skill"] = nameof(Skills),
        ["territory"] = nameof(Territory),
        ["departement"] = nameof(Departement),
        ["contractType"] = nameof(ContractType),
        ["qualificationLevel"] = nameof(QualificationLevel),
        ["availableBy"] = nameof(AvailableBy),
        ["sort"] = nameof(Sort),
    };

    public const string InvalidDate = "Indiquez une date valide (par exemple 04/01/2027).";

    /// <summary>« Rechercher »: words of the cards' jobs, skills and summaries.</summary>
    [BindProperty(SupportsGet = true, Name = "recherche")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "metier")]
    public string? TargetJob { get; set; }

    /// <summary>Skills, comma-separated, as typed: each one a <c>skill</c> of the API.</summary>
    [BindProperty(SupportsGet = true, Name = "competences")]
    public string? Skills { get; set; }

    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "departement")]
    public string? Departement { get; set; }

    [BindProperty(SupportsGet = true, Name = "contrat")]
    public string? ContractType { get; set; }

    /// <summary>The minimum level of qualification.</summary>
    [BindProperty(SupportsGet = true, Name = "niveau")]
    public string? QualificationLevel { get; set; }

    /// <summary>« Disponible au plus tard le », as the date field sends it (yyyy-MM-dd); kept as typed when it is not a date.</summary>
    [BindProperty(SupportsGet = true, Name = "disponible")]
    public string? AvailableBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Sort { get; set; }

    public Nege.ServiceDefaults.Http.PageOf<TalentCardHit>? Hits { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>Why the pool is closed to the person (403: their organisation is not a current member, or they have none).</summary>
    public string? Refused { get; private set; }

    public static IReadOnlyList<(string Value, string Label)> Territories { get; } =
        [("", "Tous les territoires"), .. CandidateForm.Territories.Select(territory => (territory, territory))];

    public static IReadOnlyList<(string Value, string Label)> Departements { get; } =
        [("", "Tous les départements"), .. CandidateForm.Departements.Select(departement => (departement, departement))];

    public static IReadOnlyList<(string Value, string Label)> ContractTypes { get; } =
        [("", "Tous les types de contrat"), .. CandidateForm.ContractTypes.Select(contract => (contract, contract))];

    public static IReadOnlyList<(string Value, string Label)> QualificationLevels { get; } =
        [("", "Tous les niveaux"), .. CandidateForm.QualificationLevels.Select(level => (level, level))];

    public static IReadOnlyList<(string Value, string Label)> Sorts { get; } =
    [
        ("", "Pertinence avec une recherche, sinon date de publication"),
        (TalentPoolSearch.Relevance, "Pertinence"),
        (TalentPoolSearch.ByDate, "Date de publication (les plus récentes d'abord)"),
    ];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Text = Clean(Text);
        TargetJob = Clean(TargetJob);
        Skills = Clean(Skills);
        Territory = Clean(Territory);
        Departement = Clean(Departement);
        ContractType = Clean(ContractType);
        QualificationLevel = Clean(QualificationLevel);
        AvailableBy = Clean(AvailableBy);
        Sort = Clean(Sort);
        DateOnly? availableBy = null;
        if (AvailableBy is not null)
        {
            if (!TryParseDay(AvailableBy, out var day))
            {
                ModelState.AddModelError(nameof(AvailableBy), InvalidDate);
                return;
            }

            availableBy = day;
        }

        var search = new TalentPoolSearch(Text, TargetJob, SkillList(Skills), Territory, Departement, ContractType, QualificationLevel, availableBy, Sort);
        try
        {
            Hits = await api.SearchTalentPoolAsync(search, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Hits.Page, Hits.PageSize, Hits.Total, LinkPrefix());
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Forbidden)
        {
            Refused = exception.Problem?.Detail ?? TalentPoolDisplay.Reserved;
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.BadRequest && exception.Problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (key, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldOf(key), message);
                }
            }
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    /// <summary>« C#, SQL ,, Docker » → C#, SQL, Docker.</summary>
    public static IReadOnlyList<string> SkillList(string? skills) =>
        [.. (skills ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The filter an API parameter's message is about (<c>skill</c>, <c>$.skill[1]</c> → <c>Skills</c>); the summary for the others (page).</summary>
    public static string FieldOf(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        var end = name.IndexOf('[', StringComparison.Ordinal);
        name = end >= 0 ? name[..end] : name;
        return Fields.GetValueOrDefault(name) ?? "";
    }

    /// <summary>The date field's yyyy-MM-dd, or dd/MM/yyyy typed where the browser has no date picker.</summary>
    private static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The links of the other pages: the same filters, as typed.</summary>
    private string LinkPrefix()
    {
        var query = new List<string>();
        Add("recherche", Text);
        Add("metier", TargetJob);
        Add("competences", Skills);
        Add("territoire", Territory);
        Add("departement", Departement);
        Add("contrat", ContractType);
        Add("niveau", QualificationLevel);
        Add("disponible", AvailableBy);
        Add("tri", Sort);
        query.Add("page=");
        return "?" + string.Join('&', query);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
