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
}
