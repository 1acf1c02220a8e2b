using System.Net.Http.Json;
using System.Text.Json;
using Nege.ServiceDefaults.Http;

namespace Candidates.Tests;

/// <summary>The partner API's OpenAPI document gives a partner's developers working examples.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class PartnerApiDocumentTests(CandidatesService service)
{
    [Fact]
    public async Task Submitting_a_dossier_is_documented_with_a_request_its_answer_and_the_french_problem_of_a_wrong_one()
    {
        using var client = service.Factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>(OpenApiDefaults.DocumentPath("candidates"));

        var post = document.GetProperty("paths").GetProperty("/api/candidates/v1/dossiers").GetProperty("post");
        var request = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("lea.muller@exemple.fr", request.GetProperty("identification").GetProperty("email").GetString());
        var created = post.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("created", created.GetProperty("outcome").GetString());
        // Normalised by the real rules: the phone in E.164.
        Assert.Equal("+33612345678", created.GetProperty("dossier").GetProperty("content").GetProperty("identification").GetProperty("phone").GetString());
        var refused = post.GetProperty("responses").GetProperty("400").GetProperty("content").EnumerateObject().First().Value.GetProperty("example");
        var errors = refused.GetProperty("errors");
        Assert.Contains("adresse", errors.GetProperty("identification.email")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("profile.skills[0].level", out _), refused.ToString());

        var put = document.GetProperty("paths").GetProperty("/api/candidates/v1/dossiers/{id}").GetProperty("put");
        Assert.Equal("submitter", put.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("relation").GetString());
    }
}
