using System.Net;
using System.Net.Http.Headers;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Http;
using Nege.Site.Api;
using Nege.Site.Membership;

namespace Nege.Site.Annuaire;

/// <summary>
/// The Directory API (« annuaire des entreprises »), called server-side and anonymously (everything in it is public):
/// the search of the members, an organisation's page, and the messages visitors write to a company's HR.
/// </summary>
public sealed class DirectoryApi(HttpClient http)
{
    public const string ClientName = "directory-api";

    /// <summary>Service discovery name of the Directory service (<c>services:directory:http:0</c>).</summary>
    public static readonly Uri BaseAddress = new("http://directory");

    /// <summary>The results of a page of the search.</summary>
    public const int PageSize = 20;

    /// <summary>The API's largest page (<see cref="Paging.MaxPageSize"/>), used to list a whole category of partners.</summary>
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>The client address Directory throttles the messages by (it reads it as a proxy's).</summary>
    public const string ForwardedForHeader = "X-Forwarded-For";

    private const string Organisations = "api/directory/organisations";

    /// <summary>Directory not answering at all is a 503 without problem details.</summary>
    private static readonly ApiFailure Failure = new(
        (status, problem, response) => new DirectoryApiException(status, problem) { RetryAfter = RetryAfterOf(response) }, UnansweredIsUnavailable: true);

    /// <summary>A page of the members the search selects; 400 with the parameters' names (<c>category</c>, <c>departement</c>…) as the errors' keys.</summary>
    public Task<Nege.ServiceDefaults.Http.PageOf<DirectoryEntryView>> SearchAsync(DirectoryQuery query, int page, int pageSize, CancellationToken ct) =>
        GetAsync<Nege.ServiceDefaults.Http.PageOf<DirectoryEntryView>>($"{Organisations}?{query.ApiQuery(page, pageSize)}", ct);

    /// <summary>Every member of <paramref name="category"/>, page after page of the largest size.</summary>
    public async Task<IReadOnlyList<DirectoryEntryView>> ListCategoryAsync(string category, CancellationToken ct)
    {
        var query = new DirectoryQuery(null, category, null, null, null);
        var all = new List<DirectoryEntryView>();
        for (var page = 1; ; page++)
        {
            var result = await SearchAsync(query, page, MaxPageSize, ct);
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || all.Count >= result.Total || page * result.PageSize >= result.Total)
            {
                return all;
            }
        }
    }

    /// <summary>An organisation's page; null when it is not in the directory (404: not a member, or no longer one).</summary>
    public async Task<DirectoryOrganisationView?> GetOrganisationAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return await GetAsync<DirectoryOrganisationView>($"{Organisations}/{id}", ct);
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// « Écrire au responsable RH »: the message as <c>multipart/form-data</c>, the CV streamed as it was received,
    /// with the visitor's address in <c>X-Forwarded-For</c>. 400 per field (<c>name</c>, <c>email</c>, <c>subject</c>,
    /// <c>message</c>, <c>cv</c>), 404, 409 (the same message today), 429 (<see cref="DirectoryApiException.RetryAfter"/>).
    /// </summary>
    public async Task<ContactMessageAccepted> SendMessageAsync(Guid id, ContactMessage message, ContactFile? cv, IPAddress? visitor, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(message.Name ?? ""), "name" },
            { new StringContent(message.Email ?? ""), "email" },
            { new StringContent(message.Subject ?? ""), "subject" },
            { new StringContent(message.Message ?? ""), "message" },
            { new StringContent(message.Website ?? ""), "website" },
        };
        if (cv is not null)
        {
            var file = new StreamContent(cv.Content);
            file.Headers.ContentType = MediaTypeHeaderValue.TryParse(cv.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "cv", cv.FileName);
        }

        using var request = ServiceApi.NewRequest(HttpMethod.Post, $"{Organisations}/{id}/messages", null);
        request.Content = form;
        if (visitor is not null)
        {
            request.Headers.TryAddWithoutValidation(ForwardedForHeader, (visitor.IsIPv4MappedToIPv6 ? visitor.MapToIPv4() : visitor).ToString());
        }

        using var response = await ServiceApi.SendCheckedAsync(http, request, HttpCompletionOption.ResponseContentRead, Failure, ct);
        return await ServiceApi.ReadAsync<ContactMessageAccepted>(response, Failure, ct);
    }

    private Task<T> GetAsync<T>(string path, CancellationToken ct) => ServiceApi.SendAsync<T>(http, HttpMethod.Get, path, null, Failure, ct);

    /// <summary>The 429's <c>Retry-After</c>, when the failed answer gave one.</summary>
    private static TimeSpan? RetryAfterOf(HttpResponseMessage? response) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    /// <summary>The client, without the person's token: the directory is public.</summary>
    public static IServiceCollection AddDirectoryApi(IServiceCollection services)
    {
        services.AddHttpClient<DirectoryApi>(ClientName, client => client.BaseAddress = BaseAddress);
        return services;
    }
}

/// <summary>The fields of « Écrire au responsable RH », as Directory names them; <see cref="Website"/> is the honeypot.</summary>
public sealed record ContactMessage(string? Name, string? Email, string? Subject, string? Message, string? Website);

/// <summary>The CV joined to a message, read as it comes.</summary>
public sealed record ContactFile(string FileName, string? ContentType, Stream Content);

/// <summary>A non-success answer of the Directory API, with its problem details when it gave some.</summary>
public sealed class DirectoryApiException(HttpStatusCode status, ApiProblem? problem)
    : ApiException(status, problem, DirectoryApiException.UnavailableMessage)
{
    public const string UnavailableMessage = "L'annuaire n'a pas pu traiter la demande. Veuillez réessayer dans quelques instants.";

    /// <summary>How long to wait before writing again (429's <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
