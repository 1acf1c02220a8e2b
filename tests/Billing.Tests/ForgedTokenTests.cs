using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>Only tokens the NEGE issuer signed, for this service, still valid, are believed.</summary>
[Collection(BillingCollection.Name)]
public sealed class ForgedTokenTests(BillingService service)
{
    private const string AdminOnlyPath = "/api/billing/admin/messaging";

    public static TheoryData<Forgery> Forgeries => [.. Enum.GetValues<Forgery>()];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_administrator_token_gets_401_problem_details(Forgery forgery)
    {
        var response = await GetAsAsync(service.Tokens.Forge(forgery, Nege.ServiceDefaults.Security.NegeRoles.Admin));

        await ProblemAssertions.UnauthenticatedAsync(response);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.AAAA")]
    public async Task A_token_that_is_not_a_jwt_gets_401_problem_details(string token)
    {
        await ProblemAssertions.UnauthenticatedAsync(await GetAsAsync(token));
    }

    [Fact]
    public async Task The_same_call_with_a_valid_administrator_token_is_answered()
    {
        var response = await GetAsAsync(service.Tokens.ForAdmin());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status.GetProperty("pending").GetInt32() >= 0);
    }

    private async Task<HttpResponseMessage> GetAsAsync(string token)
    {
        using var client = service.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminOnlyPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
