using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Nege.Testing;

/// <summary>The refusals every service and the gateway answer the same way: French RFC 9457 problem details.</summary>
public static class ProblemAssertions
{
    /// <summary>401, a French problem, and a Bearer challenge.</summary>
    public static async Task UnauthenticatedAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Authentification requise.", problem.GetProperty("title").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
    }

    /// <summary>429, a French problem, and a Retry-After within the limit's window.</summary>
    public static async Task TooManyRequestsAsync(HttpResponseMessage response, TimeSpan window)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("Trop de requêtes : veuillez réessayer plus tard.", problem.GetProperty("title").GetString());
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), window);
    }

    /// <summary>400, a French validation problem, and its messages per field.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
