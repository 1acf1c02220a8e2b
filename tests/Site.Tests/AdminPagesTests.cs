using System.Net;
using System.Text.Json;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class AdminPagesTests(SiteFixture site) : IDisposable
{
    public void Dispose() => site.Stub.Reset();

    private static object Account(string id, string firstName, string lastName, bool locked = false, params string[] roles) => new
    {
        id, email = $"{firstName.ToLowerInvariant()}@exemple.fr", userName = firstName.ToLowerInvariant(), civility = "Madame",
        lastName, firstName, function = (string?)null, organisationId = (string?)null, organisationName = "Exemple SA",
        roles, emailConfirmed = true, isLocked = locked, lockedUntil = (DateTimeOffset?)null,
        createdAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
    };

    /// <summary>The account page also lists the organisations an account may belong to: an empty page of them.</summary>
    private static Func<StubRequest, StubAnswer> WithOrganisations(Func<StubRequest, StubAnswer> api) => request =>
        request.PathAndQuery.StartsWith("/api/membership/organisations", StringComparison.Ordinal)
            ? new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 100, total = 0 })
            : api(request);

    /// <summary>One account as <c>GET /api/membership/accounts/{id}</c> answers: the account and the audit of its roles.</summary>
    private static object Details(object account) => new { account, roleChanges = Array.Empty<object>() };

    [Fact]
    public async Task The_accounts_page_searches_the_api_with_the_persons_token_and_lists_the_accounts()
    {
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            items = new[] { Account("a1", "Marie", "Curie", false, "admin"), Account("a2", "Pierre", "Curie", true, "board") },
            page = 2, pageSize = 20, total = 45,
        });
        using var client = await site.SignInAsync("Ada Admin", ["admin"], accessToken: "admin-token");

        var response = await client.GetAsync("/espace-membre/admin/comptes?search=curie&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/membership/accounts?search=curie&page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer admin-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<a href=\"/espace-membre/admin/comptes/a1\">Marie Curie</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/admin/comptes/a2\">Pierre Curie</a>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Président et Conseil d'Administration</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Verrouillé</td>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 3", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"search\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_error_of_the_api_is_shown_beside_the_field_and_at_the_top()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]> { ["email"] = ["Un compte existe déjà avec cette adresse de courriel."] },
            })
            : new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 100, total = 0 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var form = await (await client.GetAsync("/espace-membre/admin/comptes/nouveau")).ReadPageAsync();
        Assert.Contains("<label for=\"Input_Email\">Adresse de courriel</label>", form, StringComparison.Ordinal);

        var response = await client.PostAsync("/espace-membre/admin/comptes/nouveau", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Civility", "Madame"),
            KeyValuePair.Create("Input.FirstName", "Marie"),
            KeyValuePair.Create("Input.LastName", "Curie"),
            KeyValuePair.Create("Input.Email", "marie.curie@exemple.fr"),
            KeyValuePair.Create("Input.UserName", "marie.curie"),
            KeyValuePair.Create("Input.Roles", "candidate"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains(
            "<span class=\"field-validation-error\" data-valmsg-for=\"Input.Email\" data-valmsg-replace=\"true\">Un compte existe déjà avec cette adresse de courriel.</span>",
            page, StringComparison.Ordinal);
        Assert.Contains("class=\"validation-summary-errors\"", page, StringComparison.Ordinal);
        Assert.Contains("<li>Un compte existe déjà avec cette adresse de courriel.</li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Curie\"", page, StringComparison.Ordinal);
        var sent = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("marie.curie@exemple.fr", body.RootElement.GetProperty("email").GetString());
        Assert.Equal("marie.curie", body.RootElement.GetProperty("userName").GetString());
        Assert.Equal("Madame", body.RootElement.GetProperty("civility").GetString());
        Assert.Equal("[\"candidate\"]", body.RootElement.GetProperty("roles").GetRawText());
    }

    [Fact]
    public async Task An_account_without_its_user_name_is_refused_in_french_without_calling_the_api()
    {
        site.Stub.Api = _ => new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 100, total = 0 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var form = await (await client.GetAsync("/espace-membre/admin/comptes/nouveau")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/admin/comptes/nouveau", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Civility", "Madame"),
            KeyValuePair.Create("Input.FirstName", "Marie"),
            KeyValuePair.Create("Input.LastName", "Curie"),
            KeyValuePair.Create("Input.Email", "marie.curie@exemple.fr"),
        ]));

        var page = await response.ReadPageAsync();
        Assert.Contains("data-valmsg-for=\"Input.UserName\" data-valmsg-replace=\"true\">Saisissez le nom d'utilisateur.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task A_missing_field_is_refused_in_french_without_calling_the_api()
    {
        site.Stub.Api = _ => new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 100, total = 0 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var form = await (await client.GetAsync("/espace-membre/admin/organismes/nouveau")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/admin/organismes/nouveau", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Name", ""),
            KeyValuePair.Create("Input.Category", "Partenaire emploi"),
        ]));

        var page = await response.ReadPageAsync();
        Assert.Contains("data-valmsg-for=\"Input.Name\" data-valmsg-replace=\"true\">Saisissez le nom de l'organisme.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Granting_a_role_calls_the_api_and_comes_back_to_the_account()
    {
        site.Stub.Api = WithOrganisations(request => new StubAnswer(200, request.Method == "GET"
            ? Details(Account("a1", "Marie", "Curie", false, "candidate"))
            : Account("a1", "Marie", "Curie", false, "candidate")));
        using var client = await site.SignInAsync("Ada Admin", ["admin"], accessToken: "admin-token");
        var detail = await (await client.GetAsync("/espace-membre/admin/comptes/a1")).ReadPageAsync();
        Assert.Contains("Attribuer le rôle « Trésorier »", detail, StringComparison.Ordinal);

        var response = await client.PostAsync("/espace-membre/admin/comptes/a1?handler=Grant", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(detail)),
            KeyValuePair.Create("role", "treasurer"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/admin/comptes/a1?etat=role-attribue", response.Headers.Location?.ToString());
        var grant = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal("/api/membership/accounts/a1/roles/treasurer", grant.PathAndQuery);
        Assert.Equal("Bearer admin-token", grant.Authorization);
    }

    [Fact]
    public async Task A_new_partner_client_secret_is_shown_once_and_not_cached()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(201, new
            {
                clientId = "partner-abc", clientSecret = "s3cr3t-value", organisationId = "o1", organisationName = "France Travail Grand Est",
                scopes = new[] { "candidates.read" }, status = "active", createdAt = DateTimeOffset.UtcNow,
                secretRotatedAt = (DateTimeOffset?)null, revokedAt = (DateTimeOffset?)null,
            })
            : new StubAnswer(200, new
            {
                items = new[] { new { id = "o1", name = "France Travail Grand Est", category = "Partenaire emploi" } },
                page = 1, pageSize = 100, total = 1,
            });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var form = await (await client.GetAsync("/espace-membre/admin/clients-partenaires/nouveau")).ReadPageAsync();
        Assert.Contains("<option value=\"o1\">France Travail Grand Est</option>", form, StringComparison.Ordinal);
        Assert.Contains(site.Stub.ApiRequests, request =>
            request.PathAndQuery.StartsWith("/api/membership/organisations?search=&category=Partenaire%20emploi&", StringComparison.Ordinal));

        var response = await client.PostAsync("/espace-membre/admin/clients-partenaires/nouveau", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.OrganisationId", "o1"),
            KeyValuePair.Create("Input.Scopes", "candidates.read"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var page = await response.ReadPageAsync();
        Assert.Contains("<code>s3cr3t-value</code>", page, StringComparison.Ordinal);
        Assert.Contains("il ne sera plus jamais affiché", page, StringComparison.Ordinal);
        var sent = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal("/api/membership/partner-clients", sent.PathAndQuery);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("o1", body.RootElement.GetProperty("organisationId").GetString());
    }

    [Fact]
    public async Task The_account_page_shows_locking_roles_and_the_audit_of_role_changes()
    {
        site.Stub.Api = WithOrganisations(_ => new StubAnswer(200, new
        {
            account = new
            {
            id = "a1", email = "marie@exemple.fr", userName = "marie", civility = "Madame", lastName = "Curie", firstName = "Marie",
            function = "Chercheuse", organisationId = "o1", organisationName = "Institut du Radium", roles = new[] { "board" },
            emailConfirmed = true, isLocked = true, lockedUntil = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
            createdAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            },
            roleChanges = new[]
            {
                new { role = "board", change = "granted", byAccountId = "a0", byName = "Ada Admin", at = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero) },
                new { role = "treasurer", change = "withdrawn", byAccountId = "a0", byName = "Ada Admin", at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero) },
            },
        }));
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var page = await (await client.GetAsync("/espace-membre/admin/comptes/a1")).ReadPageAsync();

        Assert.Contains("<h1>Marie Curie</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Verrouillé jusqu'au 01/12/2026 à 10:30", page, StringComparison.Ordinal);
        Assert.Contains("Déverrouiller le compte", page, StringComparison.Ordinal);
        Assert.Contains("Retirer le rôle « Président et Conseil d'Administration »", page, StringComparison.Ordinal);
        Assert.Contains("Attribuer le rôle « Administrateur »", page, StringComparison.Ordinal);
        Assert.Contains("<td>01/03/2026 à 09:00</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Trésorier</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Retiré</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Ada Admin</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locking_an_account_that_the_api_refuses_shows_the_reason_at_the_top()
    {
        site.Stub.Api = WithOrganisations(request => request.Method == "POST"
            ? new StubAnswer(409, new { title = "Action impossible.", status = 409, detail = "Vous ne pouvez pas verrouiller votre propre compte." })
            : new StubAnswer(200, Details(Account("a1", "Ada", "Admin", false, "admin"))));
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var detail = await (await client.GetAsync("/espace-membre/admin/comptes/a1")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/admin/comptes/a1?handler=Lock", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(detail))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Vous ne pouvez pas verrouiller votre propre compte.</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal("/api/membership/accounts/a1/lock", site.Stub.ApiRequests.Single(request => request.Method == "POST").PathAndQuery);
    }

    [Fact]
    public async Task An_unknown_account_gets_the_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Compte introuvable.", status = 404 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await client.GetAsync("/espace-membre/admin/comptes/inconnu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_secret_asks_for_confirmation_then_shows_the_new_secret_once()
    {
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            clientId = "partner-abc", clientSecret = "new-s3cr3t", organisationId = "o1", organisationName = "France Travail Grand Est",
            scopes = new[] { "candidates.read" }, status = "active", createdAt = DateTimeOffset.UtcNow,
            secretRotatedAt = DateTimeOffset.UtcNow, revokedAt = (DateTimeOffset?)null,
        });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var confirm = await (await client.GetAsync("/espace-membre/admin/clients-partenaires/partner-abc/renouveler")).ReadPageAsync();
        Assert.DoesNotContain("new-s3cr3t", confirm, StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);

        var response = await client.PostAsync("/espace-membre/admin/clients-partenaires/partner-abc/renouveler", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(confirm))]));

        var page = await response.ReadPageAsync();
        Assert.Contains("<code>new-s3cr3t</code>", page, StringComparison.Ordinal);
        Assert.Contains("il ne sera plus jamais affiché", page, StringComparison.Ordinal);
        Assert.Equal("/api/membership/partner-clients/partner-abc/rotate", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task Revoking_a_client_asks_for_confirmation_then_revokes_it()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(200, new
            {
                clientId = "partner-abc", organisationId = "o1", organisationName = "France Travail Grand Est", scopes = new[] { "candidates.read" },
                status = "revoked", createdAt = DateTimeOffset.UtcNow, secretRotatedAt = (DateTimeOffset?)null, revokedAt = DateTimeOffset.UtcNow,
            })
            : new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 20, total = 0 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var confirm = await (await client.GetAsync("/espace-membre/admin/clients-partenaires/partner-abc/revoquer")).ReadPageAsync();
        Assert.Contains("Confirmer la révocation", confirm, StringComparison.Ordinal);

        var response = await client.PostAsync("/espace-membre/admin/clients-partenaires/partner-abc/revoquer", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(confirm))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/admin/clients-partenaires?etat=revoque", response.Headers.Location?.ToString());
        Assert.Equal("/api/membership/partner-clients/partner-abc/revoke", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task The_organisations_page_filters_by_category()
    {
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            items = new[] { new { id = "o1", name = "France Travail Grand Est", category = "Partenaire emploi" } },
            page = 1, pageSize = 20, total = 1,
        });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var page = await (await client.GetAsync("/espace-membre/admin/organismes?category=Partenaire%20emploi")).ReadPageAsync();

        Assert.Equal("/api/membership/organisations?search=&category=Partenaire%20emploi&page=1&pageSize=20",
            Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("<tr><td>France Travail Grand Est</td><td>Partenaire emploi</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Partenaire emploi\" selected=\"selected\">Partenaire emploi</option>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"category\">Catégorie</label>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_is_sent_once_even_when_the_api_fails()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(503, new { title = "Service indisponible.", status = 503 })
            : new StubAnswer(200, new { items = Array.Empty<object>(), page = 1, pageSize = 20, total = 0 });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);
        var form = await (await client.GetAsync("/espace-membre/admin/organismes/nouveau")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/admin/organismes/nouveau", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Name", "Exemple"),
            KeyValuePair.Create("Input.Category", "Entreprise"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Service indisponible.</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
    }
}
