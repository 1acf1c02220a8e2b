using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.Site.Membership;

namespace Nege.Site.Api;

/// <summary>The plumbing the site's typed clients of the services' APIs share (Membership, Candidates, Billing, Directory, news).</summary>
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

    /// <summary>The answer when it is a success (the caller disposes it); else the client's exception, with the problem details the answer gave, thrown.</summary>
    public static async Task<HttpResponseMessage> SendCheckedAsync(
        HttpClient http, HttpRequestMessage request, HttpCompletionOption completion, ApiFailure failure, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, ct);
        }
        catch (Exception exception) when (failure.UnansweredIsUnavailable
                                          && (exception is HttpRequestException or Polly.ExecutionRejectedException
                                              || (exception is OperationCanceledException && !ct.IsCancellationRequested)))
        {
            throw failure.Exception(HttpStatusCode.ServiceUnavailable, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw failure.Exception(response.StatusCode, await ReadProblemAsync(response, ct), response);
            }
        }

        return response;
    }

    /// <summary>A request of <see cref="NewRequest"/>, its whole answer read, checked (the caller disposes it).</summary>
    public static async Task<HttpResponseMessage> SendCheckedAsync(
        HttpClient http, HttpMethod method, string path, object? body, ApiFailure failure, CancellationToken ct,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = NewRequest(method, path, body, headers);
        return await SendCheckedAsync(http, request, HttpCompletionOption.ResponseContentRead, failure, ct);
    }

    /// <summary>A request of <see cref="NewRequest"/>, checked, its JSON answer read.</summary>
    public static async Task<T> SendAsync<T>(
        HttpClient http, HttpMethod method, string path, object? body, ApiFailure failure, CancellationToken ct,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await SendCheckedAsync(http, method, path, body, failure, ct, headers);
        return await ReadAsync<T>(response, failure, ct);
    }

    /// <summary>A success's JSON body; an answer without one is the client's exception, with the answer's status.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, ApiFailure failure, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw failure.Exception(response.StatusCode, null, null);

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

/// <summary>How the client of one service reports a failed call (<see cref="ServiceApi.SendCheckedAsync(HttpClient, HttpRequestMessage, HttpCompletionOption, ApiFailure, CancellationToken)"/>).</summary>
/// <param name="Exception">
/// The client's exception for a status and the problem details the answer gave (null when none), given the failed answer
/// (to read a header) — null when there was none, or the failure is a success without a body.
/// </param>
/// <param name="UnansweredIsUnavailable">
/// Whether the service not answering at all (refused connection, timeout, open circuit) is that exception with a 503 and
/// no problem details; otherwise the transport's own exception goes up as it is.
/// </param>
public sealed record ApiFailure(Func<HttpStatusCode, ApiProblem?, HttpResponseMessage?, ApiException> Exception, bool UnansweredIsUnavailable);

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
