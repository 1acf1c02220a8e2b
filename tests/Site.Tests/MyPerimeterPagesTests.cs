using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>« Effectifs du périmètre »: a referent confirms or updates the headcounts their next renewal call will use.</summary>
[Collection(SiteCollection.Name)]
public sealed class MyPerimeterPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/billing/me/perimeter";

    private const string Page = "/espace-membre/mes-effectifs";

    public void Dispose() => site.Stub.Reset();

    /// <summary>Billing answers the page with <paramref name="perimeter"/> and a declaration with <paramref name="declared"/>.</summary>
    private void Serve(object perimeter, StubAnswer? declared = null) => site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
    {
        ("GET", Api) => new StubAnswer(200, perimeter),
        ("PUT", Api) => declared ?? new StubAnswer(200, perimeter),
        _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
    };

    private async Task<HttpResponseMessage> DeclareAsync(HttpClient client, string alsace, string champagneArdenne, string lorraine)
    {
        var token = Html.AntiforgeryToken(await (await client.GetAsync(Page)).ReadPageAsync());
        return await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Alsace"] = alsace,
            ["Input.ChampagneArdenne"] = champagneArdenne,
            ["Input.Lorraine"] = lorraine,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_referent_sees_the_figures_the_renewal_day_the_estimate_and_the_form_filled_in()
    {
        Serve(BillingJson.Perimeter());
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer referent-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Effectifs du périmètre</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Votre appel de cotisation 2027 sera émis le 1er janvier 2027 avec les effectifs ci-dessous.</p>", page, StringComparison.Ordinal);
        Assert.Matches("<dt>Organisme</dt><dd>Numérique & Co</dd>\\s*<dt>Catégorie d'organisme</dt><dd>Entreprise</dd>"
            + "\\s*<dt>Alsace</dt><dd>12 salariés</dd>\\s*<dt>Champagne-Ardenne</dt><dd>14 salariés</dd>\\s*<dt>Lorraine</dt><dd>0 salarié</dd>", page);
        Assert.Contains("<h2 id=\"estimation\">Cotisation 2027 estimée : 672 €</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Tranche</th><td>25 à 50</td></tr>", page, StringComparison.Ordinal);
        Assert.Matches("<label for=\"Input_Alsace\">Alsace</label>\\s*<input[^>]*id=\"Input_Alsace\"[^>]*value=\"12\"", page);
        Assert.Matches("<label for=\"Input_ChampagneArdenne\">Champagne-Ardenne</label>\\s*<input[^>]*id=\"Input_ChampagneArdenne\"[^>]*value=\"14\"", page);
        Assert.Matches("<label for=\"Input_Lorraine\">Lorraine</label>\\s*<input[^>]*id=\"Input_Lorraine\"[^>]*value=\"0\"", page);
        Assert.Contains("0 si l'organisme ne souhaite pas bénéficier des actions de l'association sur ce territoire.", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Confirmer ces effectifs</button>", page, StringComparison.Ordinal);
        Html.AntiforgeryToken(page);
    }

    [Theory]
    [InlineData(true, null, "Merci de confirmer ou de mettre à jour vos effectifs avant le 1er janvier 2027.")]
    [InlineData(true, "2026-12-14T23:30:00Z", "Effectifs confirmés le 15 décembre 2026 par Rémi Référent.")]
    [InlineData(false, null, "Il vous sera demandé de les confirmer à partir du 1er décembre 2026 ; vous pouvez les mettre à jour dès maintenant.")]
    public async Task The_page_says_whether_the_figures_are_confirmed_for_the_renewal(bool campaignOpen, string? declaredAt, string expected)
    {
        Serve(BillingJson.Perimeter(campaignOpen: campaignOpen, declaredAt: declaredAt, declaredBy: declaredAt is null ? null : "Rémi Référent"));
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Equal(declaredAt is not null, page.Contains("Effectifs confirmés", StringComparison.Ordinal));
        Assert.Equal(campaignOpen && declaredAt is null, page.Contains("Merci de confirmer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declaration_sends_the_three_headcounts_to_billing_and_comes_back_with_a_message()
    {
        Serve(BillingJson.Perimeter(alsace: 20, champagneArdenne: 0, lorraine: 5, declaredAt: "2026-12-03T09:30:00Z", declaredBy: "Rémi Référent"));
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await DeclareAsync(client, "20", "0", "5");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?etat=confirme", response.Headers.Location?.ToString());
        var declaration = Assert.Single(site.Stub.ApiRequests, request => request.Method == "PUT");
        Assert.Equal("Bearer referent-token", declaration.Authorization);
        using var body = JsonDocument.Parse(declaration.Body);
        Assert.Equal(20, body.RootElement.GetProperty("alsace").GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("champagneArdenne").GetInt32());
        Assert.Equal(5, body.RootElement.GetProperty("lorraine").GetInt32());

        var page = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Vos effectifs sont enregistrés : l'appel de cotisation 2027 les utilisera.</p>", page, StringComparison.Ordinal);
        Assert.Contains("Effectifs confirmés le 3 décembre 2026 par Rémi Référent.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billings_refusals_show_beside_their_fields_with_what_was_typed()
    {
        Serve(BillingJson.Perimeter(), new StubAnswer(400, BillingJson.ValidationProblem(new()
        {
            ["alsace"] = ["L'effectif pour L'Alsace doit être un nombre entre 0 et 1000000."],
            ["perimeter"] = ["Indiquez un nombre supérieur à 0 pour au moins un territoire : l'adhésion doit couvrir au moins l'un d'eux."],
        })));
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var response = await DeclareAsync(client, "-3", "0", "0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Alsace-erreur\">L'effectif pour L'Alsace doit être un nombre entre 0 et 1000000.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Input_Alsace\"[^>]*value=\"-3\"[^>]*aria-invalid=\"true\"", page);
        Assert.Matches("<input[^>]*id=\"Input_ChampagneArdenne\"[^>]*value=\"0\"", page);
        Assert.Matches("<input[^>]*id=\"Input_Lorraine\"[^>]*value=\"0\"", page);
        var perimeter = page.IndexOf("<span class=\"erreur-champ\" id=\"Input_Perimeter-erreur\">Indiquez un nombre supérieur à 0 pour au moins un territoire", StringComparison.Ordinal);
        Assert.InRange(perimeter, page.IndexOf("<legend>Nombre de salariés par territoire</legend>", StringComparison.Ordinal), page.IndexOf("id=\"Input_Alsace\"", StringComparison.Ordinal));
        Assert.Contains("<h2 id=\"erreurs-titre\">Le formulaire contient 2 erreurs</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Alsace\">", page, StringComparison.Ordinal);
        Assert.Contains("Cotisation 2027 estimée : 672 €", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headcount_that_is_not_a_number_is_refused_beside_its_field_without_asking_billing()
    {
        Serve(BillingJson.Perimeter());
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var page = await (await DeclareAsync(client, "12", "douze", "0")).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_ChampagneArdenne-erreur\">La valeur « douze » n'est pas valide.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Input_ChampagneArdenne\"[^>]*value=\"douze\"", page);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
    }

    [Fact]
    public async Task An_organisation_not_yet_a_member_reads_billings_sentence_without_the_form()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Votre organisme n'est pas encore appelé à cotisation : son adhésion n'a pas été validée." });
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("<li>Votre organisme n'est pas encore appelé à cotisation : son adhésion n'a pas été validée.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"demande\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_refused_to_those_who_are_not_referents_and_an_anonymous_visitor_is_sent_to_log_in()
    {
        using var others = await site.SignInAsync("Théo Trésorier", ["treasurer", "board", "admin", "recruiter", "commission", "employment_partner", "candidate", "editor", "dpo"]);

        var refused = await others.GetAsync(Page);
        var anonymous = await site.CreateClient().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_and_mes_cotisations_link_the_page_for_referents()
    {
        site.Stub.Api = _ => new StubAnswer(200, Array.Empty<object>());
        using var referent = await site.SignInAsync("Rémi Référent", ["referent"]);
        using var others = await site.SignInAsync("Théo Trésorier", ["treasurer", "recruiter"]);

        Assert.Contains($"<li><a href=\"{Page}\">Effectifs du périmètre</a></li>", await (await referent.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}\">effectifs du périmètre</a>", await (await referent.GetAsync("/espace-membre/mes-cotisations")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Page, await (await others.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
    }
}
