using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Membership;
using Nege.Contracts.Notifications;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>« Notifications de publication d'une actualité » for everyone logged in, and the affiliations offered in part 2.</summary>
[Collection(MembershipCollection.Name)]
public sealed class PreferencesAndAffiliationsTests(MembershipService service)
{
    private readonly Applicants _applicants = new(service);

    private const string Preferences = "/api/membership/me/notification-preferences";

    [Fact]
    public async Task A_person_reads_and_chooses_their_news_categories_and_the_digest_is_told()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var person = _applicants.AsReferent(draft);

        var initial = await person.GetFromJsonAsync<JsonElement>(Preferences);
        var chosen = await person.PutAsJsonAsync(Preferences, new { categories = new[] { "Processus & Documentation", "Commission Aide au Recrutement", "Processus & Documentation" } });

        Assert.Equal(["Evénement public"], initial.GetProperty("categories").Deserialize<string[]>()!);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(["Commission Aide au Recrutement", "Processus & Documentation"],
            (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("categories").Deserialize<string[]>()!);
        Assert.Equal(["Commission Aide au Recrutement", "Processus & Documentation"],
            (await person.GetFromJsonAsync<JsonElement>(Preferences)).GetProperty("categories").Deserialize<string[]>()!);
        Assert.Equal(["Commission Aide au Recrutement", "Processus & Documentation"],
            await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.NotificationCategories).SingleAsync()));
        var changed = (await _applicants.EventsAsync<NotificationPreferencesChanged>(draft.AccountId)).Last();
        Assert.Equal((draft.AccountId, draft.Email), (changed.AccountId, changed.Email));
        Assert.Equal(["Commission Aide au Recrutement", "Processus & Documentation"], changed.Categories);

        var none = await person.PutAsJsonAsync(Preferences, new { categories = Array.Empty<string>() });
        Assert.Empty((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("categories").EnumerateArray());
        Assert.Empty((await _applicants.EventsAsync<NotificationPreferencesChanged>(draft.AccountId)).Last().Categories);
    }

    [Fact]
    public async Task Unsubscribing_by_the_digest_link_clears_the_categories_the_member_area_shows()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var person = _applicants.AsReferent(draft);
        await person.PutAsJsonAsync(Preferences, new { categories = new[] { "Vie de l'association", "Evénement public" } });
        var bus = service.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(new NewsDigestUnsubscribed(draft.AccountId, DateTimeOffset.UtcNow));

        await Eventually.UntilAsync(
            async () => (await person.GetFromJsonAsync<JsonElement>(Preferences)).GetProperty("categories").GetArrayLength() == 0,
            TimeSpan.FromSeconds(30), "the account's categories cleared");
        Assert.Empty(await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.NotificationCategories).SingleAsync()));
        // Notifications cleared its own already: nothing is sent back.
        Assert.NotEmpty((await _applicants.EventsAsync<NotificationPreferencesChanged>(draft.AccountId)).Last().Categories);
    }

    [Fact]
    public async Task Every_category_of_the_seed_can_be_chosen()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var person = _applicants.AsReferent(draft);

        var all = await person.PutAsJsonAsync(Preferences, new { categories = MembershipForm.NewsCategories.Reverse() });

        Assert.Equal(MembershipForm.NewsCategories, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("categories").Deserialize<string[]>()!);
    }

    [Theory]
    [InlineData("""{"categories":["Evénement public","Actualités"]}""", "Les notifications : valeur inconnue « Actualités ». Valeurs possibles : Evénement public, Vie de l'association, Commission Aide au Recrutement, Commission Adaptation des Compétences, Processus & Documentation.")]
    [InlineData("""{"categories":["evénement public"]}""", "Les notifications : valeur inconnue « evénement public ». Valeurs possibles : Evénement public, Vie de l'association, Commission Aide au Recrutement, Commission Adaptation des Compétences, Processus & Documentation.")]
    [InlineData("""{}""", "La liste des catégories est obligatoire (vide pour ne recevoir aucune notification).")]
    [InlineData("""{"categories":null}""", "La liste des catégories est obligatoire (vide pour ne recevoir aucune notification).")]
    public async Task An_unknown_category_or_no_list_is_refused_and_nothing_changes(string body, string message)
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var person = _applicants.AsReferent(draft);
        var events = (await _applicants.EventsAsync<NotificationPreferencesChanged>(draft.AccountId)).Count;

        var errors = await Applicants.ValidationErrorsAsync(await person.PutAsync(Preferences, new StringContent(body, System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(["categories"], errors.Keys);
        Assert.Equal([message], errors["categories"]);
        Assert.Equal(["Evénement public"], await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.NotificationCategories).SingleAsync()));
        Assert.Equal(events, (await _applicants.EventsAsync<NotificationPreferencesChanged>(draft.AccountId)).Count);
    }

    [Fact]
    public async Task Preferences_need_a_login_and_an_account()
    {
        using var anonymous = _applicants.Anonymous();
        using var ghost = service.CreateClient(service.Tokens.ForPerson([]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Preferences)).StatusCode);
        Assert.Equal("Ce compte n'existe plus.", await Applicants.ProblemDetailAsync(await ghost.GetAsync(Preferences), HttpStatusCode.NotFound));
        Assert.Equal("Ce compte n'existe plus.", await Applicants.ProblemDetailAsync(
            await ghost.PutAsJsonAsync(Preferences, new { categories = new[] { "Evénement public" } }), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Only_member_professional_organisations_are_offered_as_affiliation_in_name_order()
    {
        var suffix = Applicants.NewSuffix();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var second = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Zeta Fédération {suffix}", MembershipForm.ProfessionalOrganisation);
        var first = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Alpha Syndicat {suffix}", MembershipForm.ProfessionalOrganisation);
        var company = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Entreprise {suffix}", "Entreprise");
        var partner = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Partenaire {suffix}", "Partenaire Soutien");
        var former = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Ancienne Fédération {suffix}", MembershipForm.ProfessionalOrganisation);
        await service.QueryAsync(db => db.Organisations.Where(o => o.Id == former).ExecuteUpdateAsync(set => set.SetProperty(o => o.MemberSince, (DateTimeOffset?)null)));
        using var anonymous = _applicants.Anonymous();

        var offered = (await anonymous.GetFromJsonAsync<JsonElement>("/api/membership/affiliations")).EnumerateArray()
            .Select(o => (Id: o.GetProperty("organisationId").GetGuid(), Name: o.GetProperty("name").GetString()))
            .Where(o => o.Name!.EndsWith(suffix, StringComparison.Ordinal))
            .ToList();

        Assert.Equal([(first, $"Alpha Syndicat {suffix}"), (second, $"Zeta Fédération {suffix}")], offered);
        Assert.DoesNotContain(offered, o => o.Id == company || o.Id == partner || o.Id == former);

        // Nor can a former member be chosen in part 2.
        var draft = await _applicants.OpenAsync(suffix);
        using var withKey = _applicants.WithKey(draft.Key);
        var part2 = Applicants.Part2($"Affiliée {suffix}");
        part2["affiliationOrganisationId"] = former;
        Assert.Contains("affiliationOrganisationId",
            (await Applicants.ValidationErrorsAsync(await withKey.PutAsJsonAsync($"/api/membership/application-drafts/{draft.Id}/organisation", part2))).Keys);
    }
}
