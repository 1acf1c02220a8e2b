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
    public async Task A_partner_client_gets_a_token_for_its_organisation_until_its_secret_is_rotated_or_it_is_revoked()
    {
        var adminToken = await Identities.AdminTokenAsync();
        var organisationId = await CreateOrganisationAsync(adminToken, "Partenaire emploi");

        var created = await Identities.SendAsync(HttpMethod.Post, "/api/membership/partner-clients", adminToken,
            new { organisationId, scopes = new[] { NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("clientId").GetString()!;
        var firstSecret = client.GetProperty("clientSecret").GetString()!;

        // With the secret in the form.
        var token = await ClientCredentialsAsync(clientId, firstSecret);
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
        var basic = await ClientCredentialsAsync(clientId, firstSecret, basic: true, scope: NegeScopes.CandidatesRead);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        var narrow = await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", (await OpenIdClient.ReadTokensAsync(basic)).AccessToken);
        Assert.Equal([NegeScopes.CandidatesRead], (await narrow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // Rotation: the old secret no longer works, the new one does.
        var rotated = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/partner-clients/{clientId}/rotate", adminToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secondSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(firstSecret, secondSecret);
        await AssertInvalidClientAsync(await ClientCredentialsAsync(clientId, firstSecret));
        var renewed = await ClientCredentialsAsync(clientId, secondSecret);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var renewedToken = (await OpenIdClient.ReadTokensAsync(renewed)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, "/api/candidates/partner/me", renewedToken)).StatusCode);

        // Revocation: no more tokens.
        var revoked = await Identities.SendAsync(HttpMethod.Post, $"/api/membership/partner-clients/{clientId}/revoke", adminToken);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await AssertInvalidClientAsync(await ClientCredentialsAsync(clientId, secondSecret));

        var list = await Identities.SendAsync(HttpMethod.Get, "/api/membership/partner-clients?pageSize=100", adminToken);
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal("revoked", listed.GetProperty("status").GetString());
        Assert.False(listed.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task Only_an_employment_partner_organisation_can_get_a_client()
    {
        var adminToken = await Identities.AdminTokenAsync();
        var company = await CreateOrganisationAsync(adminToken, "Entreprise");

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

    private async Task<Guid> CreateOrganisationAsync(string adminToken, string category)
    {
        var response = await Identities.SendAsync(HttpMethod.Post, "/api/membership/organisations", adminToken,
            new { name = $"{category} {Guid.NewGuid():N}"[..40], category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var organisation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(category, organisation.GetProperty("category").GetString());
        return organisation.GetProperty("id").GetGuid();
    }

    private async Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, bool basic = false, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token");
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await system.Gateway.SendAsync(request);
    }

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", await OpenIdClient.ErrorOfAsync(response));
    }
}
