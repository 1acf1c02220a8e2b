using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.Site.Membership;

namespace Nege.Site.Api;

/// <summary>The JSON plumbing the site's typed clients of the services' APIs share (Membership, Candidates).</summary>
public static class ServiceApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpRequestMessage NewRequest(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    /// <summary>The RFC 9457 problem details of a failed answer; null when it gave none.</summary>
    public static async Task<ApiProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Escape(string? value) => Uri.EscapeDataString(value ?? "");
}

/// <summary>
/// A non-success answer of one of the services' APIs, with its problem details when it gave some, and
/// what to tell the person when it said nothing (see <c>ProblemDisplay.AddProblem</c>).
/// </summary>
public class ApiException(HttpStatusCode status, ApiProblem? problem, string unavailable)
    : Exception(problem?.Detail ?? problem?.Title ?? $"The API answered {(int)status}.")
{
    public HttpStatusCode Status { get; } = status;

    public ApiProblem? Problem { get; } = problem;

    /// <summary>The French sentence shown when the answer carries no message of its own.</summary>
    public string Unavailable { get; } = unavailable;
}
