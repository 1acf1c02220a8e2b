using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using Npgsql;

namespace EndToEnd.Tests;

/// <summary>Who gets through the gateway: the admin-only endpoint of every service, forged tokens, bad input to the public account API.</summary>
[Collection(SystemCollection.Name)]
public sealed class AccessThroughGatewayTests(RunningSystem system)
{
    private Identities Identities => system.Identities;

    public static TheoryData<string> Services => [.. ResourceNames.ApiServices];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_messaging_status_of_a_service_is_for_administrators_only(string service)
    {
        var path = $"/api/{service}/admin/messaging";
        var recruiter = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);

        var anonymous = await Identities.SendAsync(HttpMethod.Get, path, null);
        var person = await Identities.SendAsync(HttpMethod.Get, path, (await Identities.LoginAsync(recruiter)).AccessToken);
        var admin = await Identities.SendAsync(HttpMethod.Get, path, await Identities.AdminTokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await admin.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    public static TheoryData<string> Forgeries =>
    [
        "signature altered",
        "signed by another key",
        "claims altered (admin role added, expiry pushed back), signature kept",
        "expired, re-signed by another key",
        "unsigned (alg none)",
        "issued by another issuer, signed by another key",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_refused_at_the_gateway(string forgery)
    {
        var recruiter = await Identities.PersonWithRoleAsync(NegeRoles.Recruiter);
        var genuine = (await Identities.LoginAsync(recruiter)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await Identities.SendAsync(HttpMethod.Get, "/api/membership/me", genuine)).StatusCode);

        var forged = Forge(genuine, forgery);

        foreach (var path in new[] { "/api/membership/me", "/api/billing/admin/messaging", "/api/membership/accounts" })
        {
            var response = await Identities.SendAsync(HttpMethod.Get, path, forged);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{forgery} on {path}: {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string, string, string> BadRegistrations => new()
    {
        { "userName", "nom<script>", "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @." },
        { "userName", "prénom/nom", "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @." },
        { "password", "Court-1", "Le mot de passe doit contenir au moins 12 caractères." },
        { "password", "bienvenue2026", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner." },
        { "password", "AZERTYUIOP123", "Ce mot de passe est trop courant : choisissez-en un autre, plus difficile à deviner." },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_refused_registration_gets_the_French_message_on_its_field_and_creates_no_account(string field, string value, string message)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var email = $"refusee-{suffix}@exemple-grand-est.fr";
        var body = Registration(email, $"refusee.{suffix}", $"Houblon-{suffix}-Alsace");
        body[field] = value;
        var before = await CountAccountsAsync();

        var response = await system.Gateway.PostAsync("/api/membership/accounts/registrations",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        await IdentityFlowTests.AssertFieldErrorAsync(response, field, message);
        Assert.Equal(0, await CountAccountsAsync(email));
        Assert.Equal(before, await CountAccountsAsync());
    }

    [Fact]
    public async Task A_registration_with_an_address_already_used_in_another_case_is_refused_and_creates_no_account()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var email = $"Doublon-{suffix}@Exemple-Grand-Est.fr";
        var first = await system.Gateway.PostAsync("/api/membership/accounts/registrations",
            new StringContent(Registration(email, $"doublon.{suffix}", $"Houblon-{suffix}-Alsace").ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await CountAccountsAsync();

        var second = await system.Gateway.PostAsync("/api/membership/accounts/registrations",
            new StringContent(Registration(email.ToLowerInvariant(), $"autre.{suffix}", $"Houblon-{suffix}-Lorraine").ToJsonString(), Encoding.UTF8, "application/json"));

        await IdentityFlowTests.AssertFieldErrorAsync(second, "email", "Un compte existe déjà avec cette adresse de courriel.");
        Assert.Equal(1, await CountAccountsAsync(email));
        Assert.Equal(before, await CountAccountsAsync());
    }

    private static JsonObject Registration(string email, string userName, string password) => new()
    {
        ["email"] = email,
        ["userName"] = userName,
        ["civility"] = "Monsieur",
        ["lastName"] = "Schmitt",
        ["firstName"] = "Lucas",
        ["function"] = "Chargé de mission",
        ["password"] = password,
        ["consent"] = true,
    };

    private async Task<long> CountAccountsAsync(string? email = null)
    {
        await using var connection = new NpgsqlConnection(system.MembershipDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            email is null ? "SELECT count(*) FROM accounts" : "SELECT count(*) FROM accounts WHERE normalized_email = upper(@email)", connection);
        if (email is not null)
        {
            count.Parameters.AddWithValue("email", email);
        }

        return (long)(await count.ExecuteScalarAsync())!;
    }

    private string Forge(string genuine, string forgery)
    {
        var parts = genuine.Split('.');
        var header = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (forgery)
        {
            case "signature altered":
                var signature = parts[2].ToCharArray();
                var middle = signature.Length / 2;
                signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
                return $"{parts[0]}.{parts[1]}.{new string(signature)}";
            case "signed by another key":
                return SignWithAnotherKey(header, payload);
            case "claims altered (admin role added, expiry pushed back), signature kept":
                payload["role"] = new JsonArray(NegeRoles.Admin, NegeRoles.Recruiter);
                payload["exp"] = now + 86_400;
                return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
            case "expired, re-signed by another key":
                payload["iat"] = now - 7_200;
                payload["nbf"] = now - 7_200;
                payload["exp"] = now - 3_600;
                return SignWithAnotherKey(header, payload);
            case "unsigned (alg none)":
                header["alg"] = "none";
                payload["role"] = new JsonArray(NegeRoles.Admin);
                return $"{Encode(header)}.{Encode(payload)}.";
            case "issued by another issuer, signed by another key":
                payload["iss"] = "https://pirate.example/";
                return SignWithAnotherKey(header, payload);
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null);
        }
    }

    /// <summary>The same header (same key id) and claims, signed with a key the issuer never had.</summary>
    private static string SignWithAnotherKey(JsonObject header, JsonObject payload)
    {
        using var key = RSA.Create(2048);
        header["alg"] = "RS256";
        var signed = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{WebEncoders.Base64UrlEncode(signature)}";
    }

    private static string Encode(JsonNode node) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
