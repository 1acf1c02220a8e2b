using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Gateway.Tests;

/// <summary>A gateway of their own for the access tests, with a public-write limit they never reach.</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Gateway = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Gateway:PublicWriteRateLimit:PermitLimit"] = "1000",
        });

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

/// <summary>The gateway refuses calls to the services' APIs without a valid NEGE access token, except the public routes.</summary>
public sealed class AccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private GatewayHost Gateway => fixture.Gateway;

    [Fact]
    public async Task An_anonymous_api_call_gets_401_problem_details_in_french_and_never_reaches_the_service()
    {
        var path = $"/api/billing/{Guid.NewGuid():N}";

        var response = await Gateway.Client.GetAsync(path);

        await ProblemAssertions.UnauthenticatedAsync(response);
        Assert.All(Gateway.Stubs, stub => Assert.Empty(stub.SeenAt(path)));
    }

    [Fact]
    public async Task An_api_call_with_a_valid_token_is_forwarded_with_its_token()
    {
        var path = $"/api/billing/{Guid.NewGuid():N}";
        var token = Gateway.Tokens.ForPerson([NegeRoles.Treasurer]);

        var response = await Gateway.ClientWith(token).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", Assert.Single(Gateway[ResourceNames.Billing].SeenAt(path)).Authorization);
    }

    [Fact]
    public async Task A_partner_system_token_is_accepted_for_the_api_it_was_issued_for()
    {
        var path = $"/api/candidates/{Guid.NewGuid():N}";
        var token = Gateway.Tokens.ForPartnerClient("partenaire-acces", Guid.NewGuid(), NegeScopes.Partner);

        var response = await Gateway.ClientWith(token).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Gateway[ResourceNames.Candidates].SeenAt(path));
    }

    public static TheoryData<Forgery> Forgeries => [.. Enum.GetValues<Forgery>()];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_expired_token_gets_401_and_never_reaches_the_service(Forgery forgery)
    {
        var path = $"/api/billing/{Guid.NewGuid():N}";

        var response = await Gateway.ClientWith(Gateway.Tokens.Forge(forgery, NegeRoles.Admin)).GetAsync(path);

        await ProblemAssertions.UnauthenticatedAsync(response);
        Assert.Empty(Gateway[ResourceNames.Billing].SeenAt(path));
    }

    [Fact]
    public async Task A_token_that_is_not_a_jwt_gets_401_and_never_reaches_the_service()
    {
        var path = $"/api/directory/{Guid.NewGuid():N}";

        var response = await Gateway.ClientWith("garbage").PostAsync(path, Json("{}"));

        await ProblemAssertions.UnauthenticatedAsync(response);
        Assert.Empty(Gateway[ResourceNames.Directory].SeenAt(path));
    }

    [Theory]
    [InlineData("GET", "/api/billing/openapi/v1.json", ResourceNames.Billing)]
    [InlineData("GET", "/api/notifications/openapi/v1.json", ResourceNames.Notifications)]
    [InlineData("POST", "/api/membership/application-drafts", ResourceNames.Membership)]
    [InlineData("GET", "/api/membership/application-drafts/0190f1c2-7c1a-7000-8000-000000000001", ResourceNames.Membership)]
    [InlineData("PUT", "/api/membership/application-drafts/0190f1c2-7c1a-7000-8000-000000000001/organisation", ResourceNames.Membership)]
    [InlineData("POST", "/api/membership/application-drafts/0190f1c2-7c1a-7000-8000-000000000001/submission", ResourceNames.Membership)]
    [InlineData("GET", "/api/membership/affiliations", ResourceNames.Membership)]
    [InlineData("GET", "/api/membership/organisations/0190f1c2-7c1a-7000-8000-000000000001/logo", ResourceNames.Membership)]
    [InlineData("POST", "/api/membership/accounts/registrations", ResourceNames.Membership)]
    [InlineData("POST", "/api/membership/email-confirmations", ResourceNames.Membership)]
    [InlineData("POST", "/api/membership/password-reset-requests", ResourceNames.Membership)]
    [InlineData("POST", "/api/membership/password-resets", ResourceNames.Membership)]
    public async Task A_public_api_route_is_forwarded_without_a_token(string method, string path, string service)
    {
        var before = Gateway[service].SeenAt(path).Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = Json("{}");
        }

        var response = await Gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Gateway[service].SeenAt(path).Count);
    }

    [Theory]
    [InlineData("DELETE", "/api/billing/openapi/v1.json")]
    [InlineData("GET", "/api/membership/accounts/registrations")]
    [InlineData("PUT", "/api/membership/password-resets")]
    [InlineData("POST", "/api/membership/accounts/registrations/autre-chose")]
    public async Task Only_the_public_method_and_path_are_public(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await Gateway.Client.SendAsync(request);

        await ProblemAssertions.UnauthenticatedAsync(response);
        Assert.All(Gateway.Stubs, stub => Assert.DoesNotContain(stub.SeenAt(path), seen => seen.Method == method));
    }

    [Theory]
    [InlineData("GET", "/.well-known/openid-configuration")]
    [InlineData("GET", "/.well-known/jwks")]
    [InlineData("POST", "/connect/token")]
    [InlineData("GET", "/connect/authorize")]
    [InlineData("GET", "/compte/connexion")]
    [InlineData("POST", "/compte/connexion")]
    public async Task The_openid_connect_server_and_account_pages_reach_membership_anonymously(string method, string path)
    {
        var before = Gateway[ResourceNames.Membership].SeenAt(path).Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]);
        }

        var response = await Gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        Assert.Equal(ResourceNames.Membership, seen?.Service);
        Assert.Equal(Gateway.Address.Authority, seen?.ForwardedHost);
        Assert.Equal(before + 1, Gateway[ResourceNames.Membership].SeenAt(path).Count);
        Assert.Empty(Gateway[ResourceNames.Site].SeenAt(path));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

/// <summary>Each partner system has its own request budget, counted by client id, on a gateway of its own.</summary>
public sealed class PartnerRateLimitTests
{
    private const int PermitLimit = 3;

    [Fact]
    public async Task A_partner_client_over_its_limit_gets_429_with_retry_after_while_another_client_and_people_still_pass()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Gateway:PartnerRateLimit:PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
            ["Gateway:PartnerRateLimit:WindowSeconds"] = "3600",
        });
        var organisation = Guid.NewGuid();
        var clientA = gateway.ClientWith(gateway.Tokens.ForPartnerClient("partenaire-a", organisation, NegeScopes.Partner));
        var clientB = gateway.ClientWith(gateway.Tokens.ForPartnerClient("partenaire-b", organisation, [NegeScopes.CandidatesRead]));
        const string path = "/api/candidates/dossiers";

        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync(path)).StatusCode);
        }

        // Another token of the same client id shares its budget.
        var sameClientAgain = gateway.ClientWith(gateway.Tokens.ForPartnerClient("partenaire-a", organisation, [NegeScopes.CandidatesWrite]));
        var rejected = await sameClientAgain.GetAsync(path);

        await ProblemAssertions.TooManyRequestsAsync(rejected, TimeSpan.FromSeconds(3600));
        Assert.Equal(PermitLimit, gateway[ResourceNames.Candidates].SeenAt(path).Count);

        for (var attempt = 1; attempt <= PermitLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync(path)).StatusCode);
        }

        for (var attempt = 1; attempt <= PermitLimit + 1; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.SignedInClient.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await clientA.GetAsync(path)).StatusCode);
        Assert.Equal(PermitLimit * 2 + PermitLimit + 1, gateway[ResourceNames.Candidates].SeenAt(path).Count);
    }
}
