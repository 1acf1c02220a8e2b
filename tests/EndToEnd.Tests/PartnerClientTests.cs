using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nege.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>Employment partners' systems: clients created by an administrator, client credentials, rotation, revocation.</summary>
[Collection(SystemCollection.Name)]
public sealed class PartnerClientTests(RunningSystem system)
{
    private Identities Identities => system.Identities;

    [Fact]
    public async Task A_partner_client_gets_a_token_for_its_organisation_and_the_candidates_api_only()
    {
        var (organisationId, clientId, secret) = await CreateClientAsync();

        // With the secret in the form.
        var token = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await OpenIdClient.ReadTokensAsync(token)).AccessToken;
        var claims = Jwt.Payload(accessToken);
        Assert.Equal(["nege-candidates"], Jwt.Values(claims, "aud"));
        Assert.Equal(NegeClaims.PartnerClient, claims.GetProperty(NegeClaims.CallerType).GetString());
        Assert.Equal(organisationId.ToString(), claims.GetProperty(NegeClaims.OrganisationId).GetString());

        var me = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(clientId, caller.GetProperty("clientId").GetString());
        Assert.Equal(organisationId, caller.GetProperty("organisationId").GetGuid());
        Assert.Equal([NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite], caller.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // A partner's token is for the candidates API only, and not for people's endpoints.
        var billing = await Identities.SendAsync(HttpMethod.Get, "/api/billing/admin/messaging", accessToken);
        Assert.Contains(billing.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var candidatesAdmin = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/admin/messaging", accessToken);
        Assert.Equal(HttpStatusCode.Forbidden, candidatesAdmin.StatusCode);
        Assert.Contains((await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", accessToken)).StatusCode,
            new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        // With HTTP basic authentication, asking for one scope only.
        var basic = await ClientCredentialsAsync(clientId, secret, basic: true, scope: NegeScopes.CandidatesRead);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        var narrow = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", (await OpenIdClient.ReadTokensAsync(basic)).AccessToken);
        Assert.Equal([NegeScopes.CandidatesRead], (await narrow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // A wrong secret, and a scope never granted, get no token.
        await AssertInvalidClientAsync(await ClientCredentialsAsync(clientId, secret + "x"));
        var writeOnly = await CreateClientAsync(NegeScopes.CandidatesWrite);
        var ungranted = await ClientCredentialsAsync(writeOnly.ClientId, writeOnly.Secret, scope: NegeScopes.CandidatesRead);
        Assert.Equal(HttpStatusCode.BadRequest, ungranted.StatusCode);
        // Without candidates.read, the partner API refuses it.
        var writer = await OpenIdClient.ReadTokensAsync(await ClientCredentialsAsync(writeOnly.ClientId, writeOnly.Secret));
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", writer.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task After_a_rotation_the_old_secret_is_refused_and_the_new_one_works()
    {
        var (_, clientId, firstSecret) = await CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, firstSecret)).StatusCode);

        var rotated = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/partner-clients/{clientId}/rotate", await Identities.AdminTokenAsync());

        // Fails today: PartnerClientsEndpoints.RotateAsync throws (EF Core cannot translate the filter applied after the Join's record projection), 500.
        Assert.True(rotated.StatusCode == HttpStatusCode.OK, $"Rotate: {(int)rotated.StatusCode} {await rotated.Content.ReadAsStringAsync()}");
        var secondSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(firstSecret, secondSecret);
        await AssertInvalidClientAsync(await ClientCredentialsAsync(clientId, firstSecret));
        var renewed = await ClientCredentialsAsync(clientId, secondSecret);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var renewedToken = (await OpenIdClient.ReadTokensAsync(renewed)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", renewedToken)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_more_tokens()
    {
        var (_, clientId, secret) = await CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, secret)).StatusCode);

        var revoked = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/partner-clients/{clientId}/revoke", await Identities.AdminTokenAsync());

        // Fails today: PartnerClientsEndpoints.RevokeAsync throws (same untranslatable query as RotateAsync), 500.
        Assert.True(revoked.StatusCode == HttpStatusCode.OK, $"Revoke: {(int)revoked.StatusCode} {await revoked.Content.ReadAsStringAsync()}");
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await AssertInvalidClientAsync(await ClientCredentialsAsync(clientId, secret));
    }

    [Fact]
    public async Task Administrators_list_partner_clients_without_their_secrets()
    {
        var (organisationId, clientId, _) = await CreateClientAsync();

        var list = await Identities.SendAsync(HttpMethod.Get, "/api/membership/partner-clients?pageSize=100", await Identities.AdminTokenAsync());

        // Fails today: PartnerClientsEndpoints.ListAsync throws (EF Core cannot translate the OrderBy applied after the Join's record projection), 500.
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"List: {(int)list.StatusCode} {await list.Content.ReadAsStringAsync()}");
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.Equal(organisationId, listed.GetProperty("organisationId").GetGuid());
        Assert.False(listed.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task Only_an_employment_partner_organisation_can_get_a_client()
    {
        var adminToken = await Identities.AdminTokenAsync();
        var company = await Identities.CreateOrganisationAsync(adminToken, "Entreprise");

        var refused = await Identities.SendAsync(HttpMethod.Post, "/api/membership/partner-clients", adminToken,
            new { organisationId = company, scopes = new[] { NegeScopes.CandidatesRead } });

        await IdentityFlowTests.AssertFieldErrorAsync(refused, "organisationId",
            "Seul un organisme de catégorie « Partenaire emploi » peut recevoir un client API.");
    }

    [Fact]
    public async Task Partner_clients_are_managed_by_administrators_only()
    {
        var recruiter = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        var token = (await Identities.LoginAsync(recruiter)).AccessToken;

        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/partner-clients", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/partner-clients", null)).StatusCode);
        // A person's token is not a partner system's.
        Assert.Equal(HttpStatusCode.Forbidden, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", await Identities.AdminTokenAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", null)).StatusCode);
    }

    private Task<(Guid OrganisationId, string ClientId, string Secret)> CreateClientAsync(params string[] scopes) =>
        Identities.PartnerClientAsync(scopes);

    private Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, bool basic = false, string? scope = null) =>
        Identities.ClientCredentialsAsync(clientId, secret, basic, scope);

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", await OpenIdClient.ErrorOfAsync(response));
    }
}
