using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;
using NpgsqlTypes;

namespace Nege.Candidates.TalentPool;

/// <summary>A validated search of the pool.</summary>
public sealed record TalentSearchCriteria(
    string? Text,
    string? TargetJob,
    IReadOnlyList<string> SkillKeys,
    string? Territory,
    string? Departement,
    string? ContractType,
    int? MinimumQualificationRank,
    DateOnly? AvailableBy,
    bool ByRelevance,
    int Page,
    int PageSize);

/// <summary>
/// The recruiters' search: PostgreSQL full text (French stemming after unaccent, so case, accents, singular and plural
/// do not matter), ranked by cover density with the target jobs weighing most, then the skills, then the summary.
/// </summary>
public static class TalentSearch
{
    public const int TextMaxLength = 200;

    /// <summary>Where counting stops: a total of 1 001 reads « plus de 1 000 ».</summary>
    public const int CountCap = 1_001;

    private const string Config = TalentCardConfiguration.SearchConfiguration;

    /// <summary>ts_headline: a fragment or two of the summary around the matched words.</summary>
    private const string HeadlineOptions = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static (TalentSearchCriteria? Criteria, ValidationErrors Errors) Validate(TalentSearchRequest request)
    {
        var errors = Paging.Validate(request.Page, request.PageSize);
        var text = Text(errors, "q", request.Q, "La recherche");
        var job = Text(errors, "targetJob", request.TargetJob, "Le métier");
        var skills = (request.Skill ?? []).Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => FrenchSearchText.Key(s!)).Distinct().ToList();
        errors.AddIf(skills.Count > 10, "skill", "Au plus 10 compétences à la fois.");
        var territory = request.Territory?.Trim();
        errors.AddIf(!string.IsNullOrEmpty(territory) && !CandidateForm.Territories.Contains(territory), "territory",
            $"Le territoire doit être l'un de : {DossierRules.Choices(CandidateForm.Territories)}.");
        var departement = request.Departement?.Trim();
        errors.AddIf(!string.IsNullOrEmpty(departement) && !CandidateForm.Departements.Contains(departement), "departement",
            $"Le département doit être l'un de : {DossierRules.Choices(CandidateForm.Departements)}.");
        var contract = request.ContractType?.Trim();
        errors.AddIf(!string.IsNullOrEmpty(contract) && !CandidateForm.ContractTypes.Contains(contract), "contractType",
            $"Le type de contrat doit être l'un de : {DossierRules.Choices(CandidateForm.ContractTypes)}.");
        var level = request.QualificationLevel?.Trim();
        var rank = string.IsNullOrEmpty(level) ? (int?)null : CandidateForm.QualificationLevels.ToList().IndexOf(level);
        errors.AddIf(rank < 0, "qualificationLevel", $"Le niveau de qualification doit être l'un de : {DossierRules.Choices(CandidateForm.QualificationLevels)}.");
        var sort = request.Sort?.Trim();
        errors.AddIf(!string.IsNullOrEmpty(sort) && !TalentPoolRules.Sorts.Contains(sort), "sort", "Le tri doit être « relevance » (pertinence) ou « date » (les plus récentes d'abord).");
        errors.AddIf(sort == "relevance" && text is null && job is null, "sort", "Le tri par pertinence demande une recherche (q ou targetJob).");
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var (page, size) = Paging.Of(request.Page, request.PageSize);
        var byRelevance = sort switch { "date" => false, "relevance" => true, _ => text is not null || job is not null };
        return (new TalentSearchCriteria(
            text, job, skills, NullIfEmpty(territory), NullIfEmpty(departement), NullIfEmpty(contract), rank, request.AvailableBy, byRelevance, page, size), errors);
    }

    public static async Task<PageOf<TalentCardHit>> RunAsync(CandidatesDbContext db, TalentSearchCriteria criteria, DateOnly today, CancellationToken cancellationToken)
    {
        var inPool = DossierLifeCycle.InPool;
        var cards = db.TalentCards.AsNoTracking().Where(c => inPool.Contains(c.Status));

        // One query, or with its feminine words in the masculine too (FrenchSearchText): either form finds both. A query
        // without feminine words is not ORed with itself: that would double the planner's estimate and the ranking's work.
        var text = criteria.Text ?? "";
        var masculine = FrenchSearchText.MasculineQuery(text);
        if (criteria.Text is not null)
        {
            cards = masculine is null
                ? cards.Where(c => c.Search.Matches(EF.Functions.WebSearchToTsQuery(Config, text)))
                : cards.Where(c => c.Search.Matches(EF.Functions.WebSearchToTsQuery(Config, text).Or(EF.Functions.WebSearchToTsQuery(Config, masculine))));
        }

        if (criteria.TargetJob is { } job)
        {
            var masculineJob = FrenchSearchText.MasculineQuery(job);
            cards = masculineJob is null
                ? cards.Where(c => c.JobsSearch.Matches(EF.Functions.PlainToTsQuery(Config, job)))
                : cards.Where(c => c.JobsSearch.Matches(EF.Functions.PlainToTsQuery(Config, job).Or(EF.Functions.PlainToTsQuery(Config, masculineJob))));
        }

        if (criteria.SkillKeys.Count > 0)
        {
            var wanted = criteria.SkillKeys.ToList();
            cards = cards.Where(c => wanted.All(s => c.SkillKeys.Contains(s)));
        }

        if (criteria.Territory is { } territory)
        {
            cards = cards.Where(c => c.Territory == territory);
        }

        if (criteria.Departement is { } departement)
        {
            cards = cards.Where(c => c.Departements.Contains(departement));
        }

        if (criteria.ContractType is { } contract)
        {
            cards = cards.Where(c => c.ContractTypes.Contains(contract));
        }

        if (criteria.MinimumQualificationRank is { } rank)
        {
            cards = cards.Where(c => c.QualificationRank >= rank);
        }

        if (criteria.AvailableBy is { } by)
        {
            cards = cards.Where(c => c.AvailableFrom == null || c.AvailableFrom <= by);
        }

        // A broad word matches thousands of cards: counting stops past CountCap (the page says « plus de 1 000 »).
        var total = await cards.Take(CountCap).CountAsync(cancellationToken);
        var rankText = criteria.Text ?? criteria.TargetJob ?? "";
        var rankMasculine = FrenchSearchText.MasculineQuery(rankText);
        var ordered = criteria.ByRelevance
            ? (rankMasculine is null
                ? cards.OrderByDescending(c => c.Search.RankCoverDensity(EF.Functions.WebSearchToTsQuery(Config, rankText)))
                : cards.OrderByDescending(c => c.Search.RankCoverDensity(EF.Functions.WebSearchToTsQuery(Config, rankText).Or(EF.Functions.WebSearchToTsQuery(Config, rankMasculine)))))
                .ThenByDescending(c => c.PublishedAt).ThenBy(c => c.Id)
            : cards.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id);
        var rows = await ordered
            .Skip((criteria.Page - 1) * criteria.PageSize)
            .Take(criteria.PageSize)
            .Select(c => new
            {
                Card = c,
                Rank = criteria.ByRelevance
                    ? (double?)c.Search.RankCoverDensity(EF.Functions.WebSearchToTsQuery(Config, rankText).Or(EF.Functions.WebSearchToTsQuery(Config, rankMasculine ?? rankText)))
                    : null,
                // The summary is escaped before ts_headline adds its <mark>s: the snippet is safe HTML.
                Snippet = criteria.Text != null
                    ? EF.Functions.WebSearchToTsQuery(Config, text).Or(EF.Functions.WebSearchToTsQuery(Config, masculine ?? text))
                        .GetResultHeadline(Config, c.Summary.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"), HeadlineOptions)
                    : null,
            })
            .ToListAsync(cancellationToken);
        return new PageOf<TalentCardHit>(
            [.. rows.Select(r => new TalentCardHit(TalentPoolRules.View(r.Card, today), r.Snippet, r.Rank))], criteria.Page, criteria.PageSize, total);
    }

    private static string? Text(ValidationErrors errors, string field, string? value, string label)
    {
        var trimmed = value?.Trim();
        errors.AddIf(trimmed?.Length > TextMaxLength, field, $"{label} ne doit pas dépasser {TextMaxLength} caractères.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
