using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Directory.Tests;

/// <summary>
/// The directory from Membership's and Billing's events: current members only, found without accents or case and by the
/// start of their words, filtered and paged; a lapsed member gone at once and back when reinstated.
/// </summary>
[Collection(DirectoryCollection.Name)]
public sealed class DirectorySearchTests(DirectoryService service)
{
    private const string Alsace67 = "Alsace : Bas-Rhin (67)";
    private const string Moselle = "Lorraine : Moselle (57)";

    private readonly string _tag = "T" + Guid.NewGuid().ToString("N")[..8];

    private Task PublishAsync<T>(T message) where T : class => service.Factory.Services.GetRequiredService<IBus>().Publish(message);

    private async Task<Guid> MemberAsync(string name, string presentation, string[] activities, string[] sites, string category = "Entreprise",
        string companyType = "PME : 10-250 personnes")
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var hr = new PersonReference(Guid.NewGuid(), "Hugo RH", $"rh.{id:N}@example.org");
        await PublishAsync(new MembershipApproved(id, Guid.NewGuid(), name, category, "Strasbourg", true, companyType, activities, sites, sites,
            new MembershipPerimeter(10, 0, 0), null, null, new PersonReference(Guid.NewGuid(), "Claire Référente", $"claire.{id:N}@example.org"), hr, now));
        await PublishAsync(new OrganisationCardChanged(id, name, category, "Strasbourg", $"<p>{presentation} {_tag}</p>", new Uri("https://exemple.fr/"),
            activities, sites, sites, hr, null, now));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == id && o.MemberSince != null && o.CardChangedAt != null)),
            TimeSpan.FromSeconds(30), $"the directory records {name}");
        return id;
    }

    private async Task<PageOf<DirectoryEntryView>> SearchAsync(string query)
    {
        using var client = service.Factory.CreateClient();
        var response = await client.GetAsync($"/api/directory/organisations?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PageOf<DirectoryEntryView>>())!;
    }

    /// <summary>The names found by a search restricted to this test's members (each presentation carries its tag).</summary>
    private async Task<List<string>> NamesAsync(string q, string filters = "") =>
        [.. (await SearchAsync($"q={Uri.EscapeDataString($"{q} {_tag}")}{filters}&pageSize=100")).Items.Select(i => i.Name)];

    [Fact]
    public async Task Words_are_found_without_accents_or_case_and_by_their_start_and_filters_narrow_them()
    {
        await MemberAsync("Numéric'Conseil", "Développement d'applications web et mobiles.", ["ESN - Agence Web"], [Alsace67]);
        await MemberAsync("Forêt Logicielle", "Édition de logiciels de gestion forestière.", ["Éditeur de logiciel, plateforme SaaS"], [Moselle], companyType: "TPE : 1-9 personnes");
        await MemberAsync("Cabinet Réseaux", "Conseil en infrastructures réseau.", ["ESN - Conseils et services Infrastructures"], [Alsace67, Moselle], category: "Partenaire emploi");

        Assert.Equal(["Numéric'Conseil"], await NamesAsync("numer"));
        Assert.Equal(["Numéric'Conseil"], await NamesAsync("NUMERIC"));
        Assert.Equal(["Numéric'Conseil"], await NamesAsync("developpement"));
        Assert.Equal(["Forêt Logicielle"], await NamesAsync("foret"));
        Assert.Equal(["Forêt Logicielle"], await NamesAsync("forestier"));
        Assert.Equal(["Cabinet Réseaux"], await NamesAsync("reseaux"));
        Assert.Empty(await NamesAsync("numer foret"));

        Assert.Equal(["Cabinet Réseaux", "Forêt Logicielle", "Numéric'Conseil"], (await NamesAsync("")).Order());
        Assert.Equal(["Cabinet Réseaux", "Forêt Logicielle"], (await NamesAsync("", $"&departement={Uri.EscapeDataString(Moselle)}")).Order());
        Assert.Equal(["Forêt Logicielle"], await NamesAsync("", "&companyType=" + Uri.EscapeDataString("TPE : 1-9 personnes")));
        Assert.Equal(["Cabinet Réseaux"], await NamesAsync("", "&category=" + Uri.EscapeDataString("Partenaire emploi")));
        Assert.Equal(["Forêt Logicielle"], await NamesAsync("", "&activity=" + Uri.EscapeDataString("Éditeur de logiciel, plateforme SaaS")));

        var found = (await SearchAsync($"q={_tag}&departement={Uri.EscapeDataString(Moselle)}&pageSize=100")).Items.Single(i => i.Name == "Cabinet Réseaux");
        Assert.Equal([Alsace67, Moselle], found.Departements);
        Assert.Equal("Partenaire emploi", found.Category);
    }

    [Fact]
    public async Task Results_come_a_page_at_a_time_by_name()
    {
        foreach (var name in new[] { "Delta", "Alpha", "Echo", "Charlie", "Bravo" })
        {
            await MemberAsync($"{name} Numérique", "Services numériques.", ["ESN - Conseils et services Infrastructures"], [Alsace67]);
        }

        var first = await SearchAsync($"q={_tag}&pageSize=2");
        var third = await SearchAsync($"q={_tag}&pageSize=2&page=3");

        Assert.Equal(5, first.Total);
        Assert.Equal(["Alpha Numérique", "Bravo Numérique"], first.Items.Select(i => i.Name));
        Assert.Equal(["Echo Numérique"], third.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task A_lapsed_member_is_gone_from_the_search_and_its_page_until_it_is_reinstated()
    {
        var id = await MemberAsync("Mauvais Payeur", "Intégration de systèmes.", ["ESN - Conseils et services Infrastructures"], [Alsace67]);
        using var client = service.Factory.CreateClient();
        var page = await client.GetFromJsonAsync<DirectoryOrganisationView>($"/api/directory/organisations/{id}");
        Assert.Equal(("Mauvais Payeur", true, "https://exemple.fr/"), (page!.Name, page.CanBeWritten, page.Website));
        Assert.DoesNotContain("@example.org", await client.GetStringAsync($"/api/directory/organisations/{id}"), StringComparison.Ordinal);

        var referent = new PersonReference(Guid.NewGuid(), "Claire Référente", "claire@example.org");
        await PublishAsync(new MembershipLapsed(id, "Mauvais Payeur", referent, "2026-0042", 192_00, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await client.GetAsync($"/api/directory/organisations/{id}")).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30), "the lapsed member's page answers 404");
        Assert.Empty(await NamesAsync("payeur"));

        await PublishAsync(new MembershipReinstated(id, "Mauvais Payeur", referent, "2026-0042", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await client.GetAsync($"/api/directory/organisations/{id}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the reinstated member's page is back");
        Assert.Equal(["Mauvais Payeur"], await NamesAsync("payeur"));
    }

    [Fact]
    public async Task An_older_card_arriving_late_changes_nothing_and_a_card_before_the_approval_stays_hidden()
    {
        var id = await MemberAsync("Nom Récent", "Texte récent.", ["ESN - Conseils et services Infrastructures"], [Alsace67]);
        var hr = new PersonReference(Guid.NewGuid(), "Hugo RH", "hugo@example.org");
        var late = NewId.NextGuid();
        await service.Factory.Services.GetRequiredService<IBus>().Publish(
            new OrganisationCardChanged(id, "Nom Ancien", "Entreprise", "Metz", "<p>Ancien</p>", null, ["ESN - Conseils et services Infrastructures"], [Moselle], [Moselle], hr, null, DateTimeOffset.UtcNow.AddHours(-1)),
            context => context.MessageId = late);
        var notYet = Guid.NewGuid();
        await PublishAsync(new OrganisationCardChanged(notYet, "Pas Encore Membre", "Entreprise", "Metz", $"<p>{_tag}</p>", null, ["ESN - Conseils et services Infrastructures"], [Moselle], [Moselle], hr,
            null, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == notYet)), TimeSpan.FromSeconds(30),
            "the card of an organisation not admitted yet is recorded");
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == late)),
            TimeSpan.FromSeconds(30), "the late card is handled");

        Assert.Equal("Nom Récent", await service.QueryAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
        Assert.Equal(["Nom Récent"], await NamesAsync(""));
        using var client = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/directory/organisations/{notYet}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_filters_are_refused_each_with_its_message()
    {
        using var client = service.Factory.CreateClient();
        var response = await client.GetAsync($"/api/directory/organisations?category=Banque&departement=Paris&activity=Boulangerie&companyType=Géant&q={new string('a', 201)}&page=0");

        var errors = await ProblemAssertions.ValidationErrorsAsync(response);
        Assert.Equal(["activity", "category", "companyType", "departement", "page", "q"], errors.Keys.Order());
        Assert.Contains("« Alsace : Bas-Rhin (67) »", Assert.Single(errors["departement"]), StringComparison.Ordinal);
    }
}
