using System.Net;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class TokenRefreshTests(SiteFixture site) : IDisposable
{
    public void Dispose() => site.Stub.Reset();

    private static StubAnswer Me(StubRequest request) => new(200, new
    {
        id = "account-1", email = "marie.curie@exemple.fr", userName = "mcurie", civility = "Madame", lastName = "Curie",
        firstName = "Marie", function = (string?)null, organisationId = (string?)null, organisationName = (string?)null,
        roles = Array.Empty<string>(),
    });

    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_before_calling_the_api_and_kept_in_the_cookie()
    {
        site.Stub.Api = Me;
        site.Stub.Token = _ => new StubAnswer(200, new
        {
            access_token = "access-2", token_type = "Bearer", expires_in = 900, refresh_token = "refresh-2",
        });
        using var client = await site.SignInAsync("Marie Curie", [], accessToken: "access-1",
            expiresIn: TimeSpan.FromSeconds(30), refreshToken: "refresh-1");

        var response = await client.GetAsync("/espace-membre/mon-compte");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refresh = Assert.Single(site.Stub.TokenRequests);
        Assert.Contains("grant_type=refresh_token", refresh.Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=refresh-1", refresh.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=nege-site", refresh.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=" + SiteFixture.ClientSecret, refresh.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer access-2", Assert.Single(site.Stub.ApiRequests).Authorization);
        Html.AssertProtected(Html.SetCookie(response, "nege.site="), "lax");

        // The renewed cookie holds the new tokens: no second refresh, the new access token is sent.
        await client.GetAsync("/espace-membre/mon-compte");
        Assert.Single(site.Stub.TokenRequests);
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer access-2", request.Authorization));
    }

    [Fact]
    public async Task A_valid_access_token_is_not_refreshed()
    {
        site.Stub.Api = Me;
        using var client = await site.SignInAsync("Marie Curie", [], accessToken: "access-1", expiresIn: TimeSpan.FromMinutes(10));

        await client.GetAsync("/espace-membre/mon-compte");

        Assert.Empty(site.Stub.TokenRequests);
        Assert.Equal("Bearer access-1", Assert.Single(site.Stub.ApiRequests).Authorization);
    }

    [Fact]
    public async Task When_the_refresh_fails_the_person_is_logged_out_and_sent_to_log_in()
    {
        site.Stub.Api = Me;
        using var client = await site.SignInAsync("Marie Curie", [], expiresIn: TimeSpan.FromSeconds(20));

        var response = await client.GetAsync("/espace-membre/mon-compte");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", Html.SetCookie(response, "nege.site="), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
