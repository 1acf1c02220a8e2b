using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Membership.Tests;

/// <summary>The administrators' organisations and accounts API, with an administrator's token.</summary>
[Collection(MembershipCollection.Name)]
public sealed class OrganisationsAndAccountsTests(MembershipService service)
{
    [Fact]
    public async Task An_organisation_name_already_taken_without_regard_to_case_is_refused_and_nothing_is_written()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var name = $"Numérique Doublon {Guid.NewGuid():N}"[..30];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/membership/organisations", new { name, category = "Entreprise" })).StatusCode);

        var again = await admin.PostAsJsonAsync("/api/membership/organisations", new { name = "  " + name.ToUpperInvariant() + " ", category = "Entreprise" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Un organisme porte déjà ce nom.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(1, await service.QueryAsync(db => db.Organisations.CountAsync(o => o.Name.ToUpper() == name.ToUpper())));
    }

    [Fact]
    public async Task Organisations_are_filtered_by_category_an_empty_filter_is_none_and_an_unknown_one_is_refused()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/membership/organisations", new { name = $"Mission locale {suffix}", category = "Partenaire emploi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/membership/organisations", new { name = $"Entreprise {suffix}", category = "Entreprise" })).StatusCode);

        var partners = await admin.GetFromJsonAsync<JsonElement>($"/api/membership/organisations?search={suffix}&category=Partenaire%20emploi");
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/membership/organisations?search={suffix}&category=");
        var refused = await admin.GetAsync("/api/membership/organisations?category=Startup");

        Assert.Equal([$"Mission locale {suffix}"], partners.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("La catégorie doit être l'une des valeurs : Entreprise, Partenaire emploi", problem.GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_belongs_to_at_most_one_organisation_and_an_unknown_one_changes_nothing()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/membership/accounts", new
        {
            email = $"rattache-{suffix}@exemple.fr", userName = $"rattache {suffix}", civility = "Madame", lastName = "Rattachée", firstName = "Zoé", roles = new[] { "recruiter" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var first = await (await admin.PostAsJsonAsync("/api/membership/organisations", new { name = $"Premier {suffix}", category = "Entreprise" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await admin.PostAsJsonAsync("/api/membership/organisations", new { name = $"Second {suffix}", category = "Entreprise" })).Content.ReadFromJsonAsync<JsonElement>();

        await admin.PutAsJsonAsync($"/api/membership/accounts/{accountId}/organisation", new { organisationId = first.GetProperty("id").GetGuid() });
        var moved = await admin.PutAsJsonAsync($"/api/membership/accounts/{accountId}/organisation", new { organisationId = second.GetProperty("id").GetGuid() });
        var unknown = await admin.PutAsJsonAsync($"/api/membership/accounts/{accountId}/organisation", new { organisationId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal($"Second {suffix}", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(second.GetProperty("id").GetGuid(), await service.QueryAsync(db => db.Accounts.Where(a => a.Id == accountId).Select(a => a.OrganisationId).SingleAsync()));

        var detached = await admin.PutAsJsonAsync($"/api/membership/accounts/{accountId}/organisation", new { organisationId = (Guid?)null });
        Assert.Equal(JsonValueKind.Null, (await detached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationId").ValueKind);
    }

    [Fact]
    public async Task A_user_name_that_is_another_accounts_email_address_is_refused()
    {
        using var anonymous = service.Factory.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var first = await anonymous.PostAsJsonAsync("/api/membership/accounts/registrations", Registration($"alice-{suffix}@exemple.fr", $"alice {suffix}"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var squatter = await anonymous.PostAsJsonAsync("/api/membership/accounts/registrations", Registration($"mallory-{suffix}@exemple.fr", $"ALICE-{suffix}@exemple.fr"));
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/membership/accounts/registrations", Registration($"carol-{suffix}@exemple.fr", $"carol@{suffix}.fr"))).StatusCode);
        var reverse = await anonymous.PostAsJsonAsync("/api/membership/accounts/registrations", Registration($"Carol@{suffix}.fr", $"dave {suffix}"));

        Assert.Equal(HttpStatusCode.BadRequest, squatter.StatusCode);
        var problem = await squatter.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ce nom d'utilisateur est déjà pris.", problem.GetProperty("errors").GetProperty("userName")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reverse.StatusCode);
        Assert.Equal("Un compte existe déjà avec cette adresse de courriel.",
            (await reverse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(0, await service.QueryAsync(db => db.Accounts.CountAsync(a => a.Email == $"mallory-{suffix}@exemple.fr")));
    }

    [Fact]
    public async Task The_admin_role_of_the_last_administrator_not_locked_cannot_be_withdrawn()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/membership/accounts", new
        {
            email = $"admin-{suffix}@exemple.fr", userName = $"admin {suffix}", civility = "Monsieur", lastName = "Second", firstName = "Admin", roles = new[] { "admin" },
        });
        var second = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var others = await service.QueryAsync(db => db.Accounts
            .Where(a => a.Id != second && a.LockedByAdministratorAt == null && a.Roles.Any(r => r.Role == "admin")).Select(a => a.Id).ToListAsync());
        try
        {
            foreach (var other in others)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/membership/accounts/{other}/lock", null)).StatusCode);
            }

            var refused = await admin.DeleteAsync($"/api/membership/accounts/{second}/roles/admin");

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("Impossible de retirer le rôle du dernier administrateur.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            Assert.True(await service.QueryAsync(db => db.Set<Nege.Membership.Accounts.AccountRole>().AnyAsync(r => r.AccountId == second && r.Role == "admin")));
        }
        finally
        {
            foreach (var other in others)
            {
                await admin.PostAsync($"/api/membership/accounts/{other}/unlock", null);
            }
        }
    }

    private static object Registration(string email, string userName) => new
    {
        email, userName, civility = "Madame", lastName = "Exemple", firstName = "Alice", password = "Quetsche-Lorraine-2026", consent = true,
    };
}
