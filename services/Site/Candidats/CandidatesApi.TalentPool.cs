using System.Globalization;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Api;
using HitsPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.TalentCardHit>;

namespace Nege.Site.Candidats;

/// <summary>
/// The talent pool (« vivier »): the recruiters and referents of a current member search the candidates' pseudonymous
/// cards (role <c>recruiter</c> or <c>referent</c>, their account attached to their organisation); a commission's pilot
/// publishes a qualified employable candidate's card from the dossier's page.
/// </summary>
public sealed partial class CandidatesApi
{
    private const string PoolCards = "api/candidates/pool/cards";

    /// <summary>
    /// A page of the cards that match <paramref name="search"/>. 403 when the person's organisation is not a current
    /// member (or the account has none), 400 per query parameter (<c>q</c>, <c>skill</c>, <c>territory</c>…).
    /// </summary>
    public Task<HitsPage> SearchTalentPoolAsync(TalentPoolSearch search, int page, CancellationToken ct) =>
        SendAsync<HitsPage>(HttpMethod.Get, $"{PoolCards}?{search.ToQuery(page, PageSize)}", null, ct);

    /// <summary>A card still in the pool (else 404).</summary>
    public Task<TalentCardView> GetTalentCardAsync(Guid id, CancellationToken ct) =>
        SendAsync<TalentCardView>(HttpMethod.Get, $"{PoolCards}/{id}", null, ct);

    /// <summary>
    /// A pilot of the dossier's territory publishes its card: 400 per field (<c>summary</c>, <c>availableFrom</c>), 403 for
    /// a member who is not a pilot, 409 when the status does not allow it or the candidate's consent is missing.
    /// </summary>
    public Task<TalentCardView> PublishAsync(Guid id, PublicationRequest publication, CancellationToken ct) =>
        SendAsync<TalentCardView>(HttpMethod.Post, $"{Dossiers}/{id}/publication", publication, ct);
}

/// <summary>
/// A search of the talent pool as the API's query string takes it (<c>GET /api/candidates/pool/cards</c>); every
/// criterion is optional, and the API owns the rules (its messages are per parameter).
/// </summary>
/// <param name="Skills">Each one a <c>skill</c> parameter: the candidate must have them all.</param>
/// <param name="QualificationLevel">At least this level.</param>
/// <param name="AvailableBy">Available on that day at the latest.</param>
/// <param name="Sort">« relevance », « date », or null for the API's default (relevance with a text, else date).</param>
public sealed record TalentPoolSearch(
    string? Text = null,
    string? TargetJob = null,
    IReadOnlyList<string>? Skills = null,
    string? Territory = null,
    string? Departement = null,
    string? ContractType = null,
    string? QualificationLevel = null,
    DateOnly? AvailableBy = null,
    string? Sort = null)
{
    public const string Relevance = "relevance";

    public const string ByDate = "date";

    /// <summary><c>q=…&amp;targetJob=…&amp;skill=a&amp;skill=b…&amp;page=2&amp;pageSize=20</c>: the criteria given, in the API's names.</summary>
    public string ToQuery(int page, int pageSize)
    {
        var query = new List<string>();
        Add(query, "q", Text);
        Add(query, "targetJob", TargetJob);
        foreach (var skill in Skills ?? [])
        {
            Add(query, "skill", skill);
        }

        Add(query, "territory", Territory);
        Add(query, "departement", Departement);
        Add(query, "contractType", ContractType);
        Add(query, "qualificationLevel", QualificationLevel);
        Add(query, "availableBy", AvailableBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "sort", Sort);
        query.Add($"page={page}");
        query.Add($"pageSize={pageSize}");
        return string.Join('&', query);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={ServiceApi.Escape(value.Trim())}");
        }
    }
}
