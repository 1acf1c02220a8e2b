using Nege.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nege.ServiceDefaults;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RequestLimitTests(GatewayFixture fixture)
{
    private const string PublicWritePath = "/api/membership/application-drafts";

    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task A_declared_body_over_the_limit_gets_413_problem_details_and_never_reaches_the_service()
    {
        var path = $"/api/candidates/{Guid.NewGuid():N}/cv";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(new byte[GatewayFixture.MaxRequestBodyBytes + 1]),
        };
        // As browsers and curl do for large bodies: the gateway answers before the body is sent.
        request.Headers.ExpectContinue = true;

        var response = await Gateway.SignedInClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("Le corps de la requête dépasse la taille maximale autorisée (4 Ko).", problem.GetProperty("detail").GetString());
        Assert.Empty(Gateway[ResourceNames.Candidates].SeenAt(path));
    }

    [Fact]
    public async Task A_413_problem_is_titled_in_french()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/cv")
        {
            Content = new ByteArrayContent(new byte[GatewayFixture.MaxRequestBodyBytes + 1]),
        };
        request.Headers.ExpectContinue = true;

        var response = await Gateway.SignedInClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Le corps de la requête est trop volumineux.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_forwarded_whole()
    {
        var path = $"/api/candidates/{Guid.NewGuid():N}/cv";

        var response = await Gateway.SignedInClient.PostAsync(path, new ByteArrayContent(new byte[GatewayFixture.MaxRequestBodyBytes]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayFixture.MaxRequestBodyBytes, Assert.Single(Gateway[ResourceNames.Candidates].SeenAt(path)).BodyLength);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_is_stopped_with_413_and_never_reaches_the_service_whole()
    {
        var path = $"/api/directory/{Guid.NewGuid():N}/logo";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StreamContent(new MemoryStream(new byte[GatewayFixture.MaxRequestBodyBytes * 3])),
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await Gateway.SignedInClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Gateway[ResourceNames.Directory].SeenAt(path));
    }

    [Fact]
    public async Task Public_writes_over_the_permit_limit_get_429_problem_details_with_retry_after()
    {
        var membership = Gateway[ResourceNames.Membership];
        var before = membership.SeenAt(PublicWritePath).Count;

        for (var attempt = 1; attempt <= GatewayFixture.PublicWritePermitLimit; attempt++)
        {
            var accepted = await Gateway.Client.PostAsync(PublicWritePath, Json("""{"raisonSociale":"Exemple"}"""));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var rejected = await Gateway.Client.PostAsync(PublicWritePath, Json("""{"raisonSociale":"Exemple"}"""));

        await ProblemAssertions.TooManyRequestsAsync(rejected, TimeSpan.FromSeconds(GatewayFixture.PublicWriteWindowSeconds));
        Assert.Equal(before + GatewayFixture.PublicWritePermitLimit, membership.SeenAt(PublicWritePath).Count);

        // Once limited, the public write is limited with or without a trailing slash...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Gateway.Client.PostAsync(PublicWritePath + "/", Json("{}"))).StatusCode);

        // ...other methods on that path are not public: refused without a token, never reaching the service...
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var write = new HttpRequestMessage(method, PublicWritePath) { Content = Json("{}") };
            Assert.Equal(HttpStatusCode.Unauthorized, (await Gateway.Client.SendAsync(write)).StatusCode);
        }

        // ...while reads of it with a token, other writes and the rest of the site are not limited.
        Assert.Equal(HttpStatusCode.OK, (await Gateway.SignedInClient.GetAsync(PublicWritePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Gateway.SignedInClient.PostAsync("/api/membership/organisations", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Gateway.SignedInClient.PostAsync("/api/billing/payments", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Gateway.Client.GetAsync("/")).StatusCode);
        Assert.Equal(before + GatewayFixture.PublicWritePermitLimit + 1, membership.SeenAt(PublicWritePath).Count);
    }

    [Fact]
    public async Task The_account_forms_are_limited_per_address_like_the_other_public_writes_and_their_pages_are_not()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Gateway:PublicWriteRateLimit:PermitLimit"] = "2",
            ["Gateway:PublicWriteRateLimit:WindowSeconds"] = "3600",
        });
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "a@b.fr", ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.PostAsync("/compte/connexion", form())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.PostAsync("/compte/mot-de-passe-oublie", form())).StatusCode);
        var refused = await gateway.Client.PostAsync("/compte/connexion", form());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(2, gateway[ResourceNames.Membership].SeenAt("/compte/connexion").Count + gateway[ResourceNames.Membership].SeenAt("/compte/mot-de-passe-oublie").Count);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/compte/connexion")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/.well-known/openid-configuration")).StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
