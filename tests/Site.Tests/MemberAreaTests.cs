using System.Net;

namespace Site.Tests;

[Collection(SiteCollection.Name)]
public sealed class MemberAreaTests(SiteFixture site) : IDisposable
{
    public void Dispose() => site.Stub.Reset();

    [Fact]
    public async Task An_administrator_sees_the_administration_entries()
    {
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await client.GetAsync("/espace-membre");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h2>Administrateur</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/admin/comptes\">Comptes</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/admin/organismes\">Organismes</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/admin/clients-partenaires\">Clients API des partenaires</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/adhesions\">Demandes d'adhésion</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/mon-compte\">Mon compte</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/notifications\">Mes notifications</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bientôt disponible", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/organisme", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_and_a_referent_see_the_applications_the_organisation_card_and_the_colleagues()
    {
        using var client = await site.SignInAsync("Bruno Bureau", ["board", "referent"]);

        var page = await (await client.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Contains("<h2>Président et Conseil d'Administration</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/adhesions\">Demandes d'adhésion</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Référent de l'organisme</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/organisme\">Fiche de l'organisme</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/organisme/collaborateurs\">Collaborateurs</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/notifications\">Mes notifications</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bientôt disponible", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/cotisations\">Appels de cotisation</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/admin", page, StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task An_editor_sees_the_news()
    {
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor", "candidate"]);

        var page = await (await client.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Contains("<h2>Rédacteur</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/actualites\">Actualités</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bientôt disponible", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/candidat\">Mon dossier de candidat</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/notifications\">Mes notifications</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/adhesions", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/organisme", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/espace-membre/admin/comptes")]
    [InlineData("/espace-membre/admin/comptes/nouveau")]
    [InlineData("/espace-membre/admin/organismes")]
    [InlineData("/espace-membre/admin/clients-partenaires")]
    public async Task Administration_pages_are_forbidden_to_other_roles(string path)
    {
        using var client = await site.SignInAsync("Bruno Bureau", ["board"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task My_account_shows_my_details_from_the_membership_api()
    {
        site.Stub.Api = request => request.PathAndQuery == "/api/membership/me"
            ? new StubAnswer(200, new
            {
                id = "account-1", email = "marie.curie@exemple.fr", userName = "mcurie", civility = "Madame", lastName = "Curie",
                firstName = "Marie", function = "Chercheuse", organisationId = (string?)null, organisationName = "Institut du Radium",
                roles = new[] { "candidate" },
            })
            : new StubAnswer(404);
        using var client = await site.SignInAsync("Marie Curie", ["candidate"], accessToken: "token-of-marie");

        var page = await (await client.GetAsync("/espace-membre/mon-compte")).ReadPageAsync();

        Assert.Contains("<dd>marie.curie@exemple.fr</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Institut du Radium</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Candidat</dd>", page, StringComparison.Ordinal);
        Assert.Equal("Bearer token-of-marie", Assert.Single(site.Stub.ApiRequests).Authorization);
    }
}
