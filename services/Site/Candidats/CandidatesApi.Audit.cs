using System.Globalization;
using Nege.Site.Api;
using Nege.Contracts.Api.Candidates;
using ReadsPage = Nege.ServiceDefaults.Http.PageOf<Nege.Contracts.Api.Candidates.PersonalDataReadView>;

namespace Nege.Site.Candidats;

/// <summary>
/// The data-protection officer's audit log of the personal-data reads (roles <c>dpo</c> and <c>admin</c>): searched by
/// dossier, reader and period (Europe/Paris days), as pages or as a CSV file.
/// </summary>
public sealed partial class CandidatesApi
{
    private const string PersonalDataReads = "api/candidates/personal-data-reads";

    /// <summary>The reads, newest first; 400 per field (<c>to</c> before <c>from</c>, <c>page</c>).</summary>
    public Task<ReadsPage> GetPersonalDataReadsAsync(PersonalDataReadFilter filter, int page, CancellationToken ct) =>
        SendAsync<ReadsPage>(HttpMethod.Get, $"{PersonalDataReads}?{filter.ApiQuery($"page={page}", $"pageSize={PageSize}")}", null, ct);

    /// <summary>The same reads as CSV (UTF-8 with its byte-order mark, « ; »), streamed; 400 as the list.</summary>
    public async Task<DocumentDownload> ExportPersonalDataReadsAsync(PersonalDataReadFilter filter, CancellationToken ct)
    {
        var query = filter.ApiQuery();
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{PersonalDataReads}/export.csv{(query.Length > 0 ? "?" + query : "")}", null);
        return new DocumentDownload(await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, ct));
    }
}

/// <summary>The audit log's filters, each optional; the site's query names are French, the API's its own.</summary>
public sealed record PersonalDataReadFilter(Guid? DossierId, Guid? AccountId, DateOnly? From, DateOnly? To)
{
    public const string DossierParameter = "dossier";

    public const string ReaderParameter = "lecteur";

    public const string FromParameter = "du";

    public const string ToParameter = "au";

    /// <summary>The API's query (<c>dossierId</c>, <c>accountId</c>, <c>from</c>, <c>to</c>), then <paramref name="more"/>.</summary>
    public string ApiQuery(params string[] more) => Query("dossierId", "accountId", "from", "to", more);

    /// <summary>The site's query (<c>dossier</c>, <c>lecteur</c>, <c>du</c>, <c>au</c>), then <paramref name="more"/>.</summary>
    public string SiteQuery(params string[] more) => Query(DossierParameter, ReaderParameter, FromParameter, ToParameter, more);

    private string Query(string dossier, string account, string from, string to, string[] more)
    {
        var query = new List<string>();
        if (DossierId is { } dossierId)
        {
            query.Add($"{dossier}={dossierId}");
        }

        if (AccountId is { } accountId)
        {
            query.Add($"{account}={accountId}");
        }

        if (From is { } first)
        {
            query.Add($"{from}={Day(first)}");
        }

        if (To is { } last)
        {
            query.Add($"{to}={Day(last)}");
        }

        query.AddRange(more);
        return string.Join('&', query);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
