using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Nege.Contracts.Membership;

namespace Site.Tests;

/// <summary>The referent's pages: the organisation's card and its colleagues with access to the extranet.</summary>
[Collection(SiteCollection.Name)]
public sealed class OrganisationPagesTests(SiteFixture site) : IDisposable
{
    private const string Mine = "/api/membership/organisations/mine";

    public void Dispose() => site.Stub.Reset();

    private static object Card(string name = "Numérique & Co", bool hasLogo = true) => new
    {
        id = "o1", name, category = "Entreprise", regionalHeadOffice = "Strasbourg", hasLogo,
        presentation = "<p>Rejoignez <strong>le groupe</strong></p>", website = "https://exemple.fr",
        companyType = "PME : 10-250 personnes",
        mainActivities = new[] { MembershipForm.MainActivities[1] },
        siteDepartements = new[] { MembershipForm.Departements[0] },
        interventionDepartements = new[] { MembershipForm.Departements[0], MembershipForm.Departements[4] },
        hrContact = new { accountId = "a1", userName = "mcurie", name = "Marie Curie" },
        memberSince = "2026-01-05T09:00:00+00:00",
    };

    private static object Colleague(string id, string userName, string firstName, string lastName, bool referent = false, bool pending = false) => new
    {
        accountId = id, userName, email = $"{userName}@exemple.fr", civility = "Madame", lastName, firstName,
        function = referent ? "DRH" : (string?)null, roles = referent ? new[] { "referent" } : new[] { "recruiter" },
        invitationPending = pending, isReferent = referent,
    };

    private static readonly object[] Colleagues =
    [
        Colleague("a1", "mcurie", "Marie", "Curie", referent: true),
        Colleague("a2", "ijoliot", "Irène", "Joliot-Curie", pending: true),
    ];

    /// <summary>The organisation and its colleagues as the API answers them; <paramref name="write"/> answers the writes.</summary>
    private static Func<StubRequest, StubAnswer> Api(Func<StubRequest, StubAnswer>? write = null) => request => request switch
    {
        { Method: "GET", PathAndQuery: Mine } => new StubAnswer(200, Card()),
        { Method: "GET", PathAndQuery: Mine + "/colleagues" } => new StubAnswer(200, Colleagues),
        _ when write is not null => write(request),
        _ => new StubAnswer(404),
    };

    private static MultipartFormDataContent CardForm(string token, string name = "Numérique & Compagnie", byte[]? logo = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(name), "Input.Name" },
            { new StringContent("Metz"), "Input.RegionalHeadOffice" },
            { new StringContent("<p>Nous recrutons</p>"), "Input.Presentation" },
            { new StringContent("https://exemple.fr/emplois"), "Input.Website" },
            { new StringContent(MembershipForm.MainActivities[0]), "Input.MainActivities" },
            { new StringContent(MembershipForm.MainActivities[6]), "Input.MainActivities" },
            { new StringContent(MembershipForm.Departements[2]), "Input.SiteDepartements" },
            { new StringContent(MembershipForm.Departements[10]), "Input.InterventionDepartements" },
            { new StringContent("ijoliot"), "Input.HrContactUserName" },
        };
        // As a browser sends it: with no file chosen, an empty part without a file name.
        var file = new ByteArrayContent(logo ?? []);
        file.Headers.ContentType = new MediaTypeHeaderValue(logo is null ? "application/octet-stream" : "image/png");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"Input.Logo\"", FileName = logo is null ? "\"\"" : "\"logo.png\"",
        };
        form.Add(file);
        return form;
    }

    [Fact]
    public async Task The_card_shows_the_organisation_as_the_directory_will_and_fills_the_form()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync("/espace-membre/organisme");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer referent-token", request.Authorization));
        Assert.Contains(site.Stub.ApiRequests, request => request is { Method: "GET", PathAndQuery: Mine });
        var page = await response.ReadPageAsync();
        Assert.Contains("<h3>Numérique & Co</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/espace-membre/organisme/logo?id=o1\" alt=\"Logo de Numérique & Co\" />", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"presentation\"><p>Rejoignez <strong>le groupe</strong></p></div>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://exemple.fr/\">https://exemple.fr</a>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Catégorie d'organisme</dt><dd>Entreprise</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Adhérent depuis le</dt><dd>05/01/2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Marie Curie (mcurie)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("pour modifier le périmètre d'adhésion, contactez l'association", page, StringComparison.Ordinal);

        Assert.Contains("<form method=\"post\" enctype=\"multipart/form-data\" novalidate", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Name\">Raison sociale *</label>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Numérique & Co\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_RegionalHeadOffice\">Localisation de la direction régionale *</label>", page, StringComparison.Ordinal);
        Assert.Contains("taille maximale recommandée 300x300, moins de 200 Ko", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Logo-aide\"", page, StringComparison.Ordinal);
        Assert.Contains("il est nettoyé à l'enregistrement", page, StringComparison.Ordinal);
        Assert.Contains(
            $"<input type=\"checkbox\" id=\"Input_MainActivities-1\" name=\"Input.MainActivities\" value=\"{MembershipForm.MainActivities[1]}\" checked=\"checked\" />",
            page, StringComparison.Ordinal);
        Assert.Contains(
            $"<input type=\"checkbox\" id=\"Input_MainActivities-0\" name=\"Input.MainActivities\" value=\"{MembershipForm.MainActivities[0]}\" />",
            page, StringComparison.Ordinal);
        Assert.Equal(MembershipForm.Departements.Count, CountOf(page, "name=\"Input.SiteDepartements\""));
        Assert.Equal(MembershipForm.Departements.Count, CountOf(page, "name=\"Input.InterventionDepartements\""));
        Assert.Contains($"id=\"Input_InterventionDepartements-4\" name=\"Input.InterventionDepartements\" value=\"{MembershipForm.Departements[4]}\" checked=\"checked\"",
            page, StringComparison.Ordinal);
        Assert.Contains("<legend>Zones géographiques d'intervention</legend>", page, StringComparison.Ordinal);
        Assert.Contains("list=\"collegues\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ijoliot\">Irène Joliot-Curie</option>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"mcurie\"", page, StringComparison.Ordinal);
        Assert.Contains("Cette zone bénéficie de l'auto-complétion", page, StringComparison.Ordinal);
        Assert.DoesNotContain("erreurs", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_card_sends_every_field_and_the_uploaded_logo_in_base64()
    {
        byte[] logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 250];
        site.Stub.Api = Api(request => request.Method == "PUT" ? new StubAnswer(200, Card("Numérique & Compagnie")) : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form), logo: logo));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/organisme?etat=enregistre", response.Headers.Location?.ToString());
        var put = Assert.Single(site.Stub.ApiRequests, request => request.Method == "PUT");
        Assert.Equal(Mine, put.PathAndQuery);
        Assert.Equal("Bearer referent-token", put.Authorization);
        using var body = JsonDocument.Parse(put.Body);
        var json = body.RootElement;
        Assert.Equal("Numérique & Compagnie", json.GetProperty("name").GetString());
        Assert.Equal("Metz", json.GetProperty("regionalHeadOffice").GetString());
        Assert.Equal(Convert.ToBase64String(logo), json.GetProperty("logo").GetString());
        Assert.Equal("<p>Nous recrutons</p>", json.GetProperty("presentation").GetString());
        Assert.Equal("https://exemple.fr/emplois", json.GetProperty("website").GetString());
        Assert.Equal([MembershipForm.MainActivities[0], MembershipForm.MainActivities[6]], Strings(json.GetProperty("mainActivities")));
        Assert.Equal([MembershipForm.Departements[2]], Strings(json.GetProperty("siteDepartements")));
        Assert.Equal([MembershipForm.Departements[10]], Strings(json.GetProperty("interventionDepartements")));
        Assert.Equal("ijoliot", json.GetProperty("hrContactUserName").GetString());

        var saved = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">La fiche de l'organisme est enregistrée.</p>", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_choosing_a_file_keeps_the_current_logo()
    {
        site.Stub.Api = Api(request => request.Method == "PUT" ? new StubAnswer(200, Card()) : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var body = JsonDocument.Parse(site.Stub.ApiRequests.Single(request => request.Method == "PUT").Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("logo").ValueKind);
    }

    [Fact]
    public async Task The_apis_field_errors_show_beside_the_fields_and_at_the_top_with_the_values_kept()
    {
        site.Stub.Api = Api(request => request.Method == "PUT"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["logo"] = ["Le logo doit peser moins de 200 Ko."],
                    ["hrContactUserName"] = ["Aucun collaborateur de votre organisme n'a ce nom d'utilisateur."],
                },
            })
            : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form), logo: [1, 2, 3]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Logo-erreur\">Le logo doit peser moins de 200 Ko.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*aria-describedby=\"Input_Logo-aide Input_Logo-erreur\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains(
            "<span class=\"erreur-champ\" id=\"Input_HrContactUserName-erreur\">Aucun collaborateur de votre organisme n'a ce nom d'utilisateur.</span>",
            page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"erreurs\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\" aria-labelledby=\"erreurs-titre\">", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"erreurs-titre\">Le formulaire contient 2 erreurs</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Logo\">Le logo doit peser moins de 200 Ko.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_HrContactUserName\">Aucun collaborateur de votre organisme n'a ce nom d'utilisateur.</a></li>",
            page, StringComparison.Ordinal);
        Assert.Contains("value=\"Numérique & Compagnie\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"ijoliot\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{MembershipForm.MainActivities[6]}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{MembershipForm.MainActivities[1]}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Numérique & Co</h3>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_name_is_refused_in_french_without_calling_the_api()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form), name: ""));

        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Name-erreur\">Saisissez la raison sociale.</span>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Name-erreur\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Name\">Saisissez la raison sociale.</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
    }

    [Fact]
    public async Task A_conflict_of_the_api_shows_its_reason()
    {
        site.Stub.Api = Api(_ => new StubAnswer(409, new { title = "Action impossible.", status = 409, detail = "Un organisme adhérent porte déjà ce nom." }));
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Un organisme adhérent porte déjà ce nom.</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referent_without_a_member_organisation_is_told_so_without_a_form()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Votre compte n'est rattaché à aucun organisme adhérent." });
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);

        var response = await client.GetAsync("/espace-membre/organisme");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<li>Votre compte n'est rattaché à aucun organisme adhérent.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Name", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_over_one_megabyte_is_not_read_and_the_person_is_told_in_french()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme", CardForm(Html.AntiforgeryToken(form), logo: new byte[1024 * 1024 + 1]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/organisme?etat=trop-volumineux", response.Headers.Location?.ToString());
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
        var page = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Logo-erreur\">Le formulaire envoyé dépasse 1 Mo : il n'a pas été enregistré.",
            page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_logo_is_served_from_the_api()
    {
        byte[] logo = [0x89, 0x50, 0x4E, 0x47, 7, 7, 7];
        site.Stub.Api = request => request.PathAndQuery == "/api/membership/organisations/o1/logo"
            ? StubAnswer.File(logo, "image/png")
            : new StubAnswer(404);
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync("/espace-membre/organisme/logo?id=o1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(logo, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Bearer referent-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/espace-membre/organisme/logo?id=o2")).StatusCode);
    }

    [Fact]
    public async Task The_colleagues_page_lists_them_with_their_state_and_the_referent_marked()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync("/espace-membre/organisme/collaborateurs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal(Mine + "/colleagues", request.PathAndQuery);
        Assert.Equal("Bearer referent-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<th scope=\"row\">Marie Curie (référent de l'organisme)</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Irène Joliot-Curie</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td>ijoliot@exemple.fr</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>DRH</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Invitation envoyée</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Actif</td>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/organisme/collaborateurs/a2/retirer\">Retirer l'accès de Irène Joliot-Curie</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/organisme/collaborateurs/a1/retirer", page, StringComparison.Ordinal);
        Assert.Contains("RH, chargé de recrutement, responsable de services", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Email\">Adresse de courriel *</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Function\">Fonction</label>", page, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent ColleagueForm(string token, string userName = "pcurie") => new(
    [
        KeyValuePair.Create("__RequestVerificationToken", token),
        KeyValuePair.Create("Input.Email", "pierre.curie@exemple.fr"),
        KeyValuePair.Create("Input.UserName", userName),
        KeyValuePair.Create("Input.Civility", "Monsieur"),
        KeyValuePair.Create("Input.LastName", "Curie"),
        KeyValuePair.Create("Input.FirstName", "Pierre"),
        KeyValuePair.Create("Input.Function", "Chargé de recrutement"),
    ]);

    [Fact]
    public async Task Requesting_an_access_for_a_colleague_posts_them_to_the_api()
    {
        site.Stub.Api = Api(request => request.Method == "POST"
            ? new StubAnswer(201, Colleague("a3", "pcurie", "Pierre", "Curie", pending: true))
            : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");
        var form = await (await client.GetAsync("/espace-membre/organisme/collaborateurs")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs", ColleagueForm(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/organisme/collaborateurs?etat=invite", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal(Mine + "/colleagues", post.PathAndQuery);
        Assert.Equal("Bearer referent-token", post.Authorization);
        using var body = JsonDocument.Parse(post.Body);
        var json = body.RootElement;
        Assert.Equal("pierre.curie@exemple.fr", json.GetProperty("email").GetString());
        Assert.Equal("pcurie", json.GetProperty("userName").GetString());
        Assert.Equal("Monsieur", json.GetProperty("civility").GetString());
        Assert.Equal("Curie", json.GetProperty("lastName").GetString());
        Assert.Equal("Pierre", json.GetProperty("firstName").GetString());
        Assert.Equal("Chargé de recrutement", json.GetProperty("function").GetString());
        var listed = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("votre collaborateur reçoit par courriel une invitation", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_refused_by_the_api_shows_the_errors_beside_the_fields_with_the_values_kept()
    {
        site.Stub.Api = Api(request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]> { ["userName"] = ["Ce nom d'utilisateur est déjà pris."] },
            })
            : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme/collaborateurs")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs", ColleagueForm(Html.AntiforgeryToken(form), userName: "mcurie"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_UserName-erreur\">Ce nom d'utilisateur est déjà pris.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*aria-describedby=\"Input_UserName-aide Input_UserName-erreur\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<li><a href=\"#Input_UserName\">Ce nom d'utilisateur est déjà pris.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"mcurie\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"pierre.curie@exemple.fr\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Monsieur\" selected=\"selected\">Monsieur</option>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Irène Joliot-Curie</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_without_the_required_fields_is_refused_in_french_without_calling_the_api()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre/organisme/collaborateurs")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Email", "pas-une-adresse"),
            KeyValuePair.Create("Input.Civility", "Docteur"),
        ]));

        var page = await response.ReadPageAsync();
        Assert.Contains("id=\"Input_Email-erreur\">Saisissez une adresse de courriel valide", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_UserName-erreur\">Saisissez le nom d'utilisateur.</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_LastName-erreur\">Saisissez le nom.</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_FirstName-erreur\">Saisissez le prénom.</span>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Civility-erreur\">Choisissez Madame ou Monsieur.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Withdrawing_an_access_asks_for_confirmation_then_deletes_the_colleague()
    {
        site.Stub.Api = Api(request => request.Method == "DELETE" ? new StubAnswer(204) : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"], accessToken: "referent-token");
        var confirm = await client.GetAsync("/espace-membre/organisme/collaborateurs/a2/retirer");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var page = await confirm.ReadPageAsync();
        Assert.Contains("<h1>Retirer l'accès de Irène Joliot-Curie (ijoliot)</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Confirmer le retrait de l'accès de Irène Joliot-Curie (ijoliot)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "DELETE");

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs/a2/retirer", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/organisme/collaborateurs?etat=retire", response.Headers.Location?.ToString());
        var delete = Assert.Single(site.Stub.ApiRequests, request => request.Method == "DELETE");
        Assert.Equal(Mine + "/colleagues/a2", delete.PathAndQuery);
        Assert.Equal("Bearer referent-token", delete.Authorization);
    }

    [Theory]
    [InlineData(404, "Ce compte n'est pas un collaborateur de votre organisme.")]
    [InlineData(409, "Vous ne pouvez pas retirer votre propre accès.")]
    public async Task A_withdrawal_the_api_refuses_shows_its_reason(int status, string detail)
    {
        site.Stub.Api = Api(request => request.Method == "DELETE"
            ? new StubAnswer(status, new { title = "Action impossible.", status, detail })
            : new StubAnswer(404));
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);
        var confirm = await (await client.GetAsync("/espace-membre/organisme/collaborateurs/a2/retirer")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs/a2/retirer", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(confirm))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<li>{detail}</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referent_is_not_offered_to_withdraw_their_own_access_and_an_unknown_colleague_is_not_found()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);

        var own = await (await client.GetAsync("/espace-membre/organisme/collaborateurs/a1/retirer")).ReadPageAsync();
        var unknown = await client.GetAsync("/espace-membre/organisme/collaborateurs/inconnu/retirer");

        Assert.Contains("Vous ne pouvez pas retirer votre propre accès", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer le retrait", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/espace-membre/organisme")]
    [InlineData("/espace-membre/organisme/logo?id=o1")]
    [InlineData("/espace-membre/organisme/collaborateurs")]
    [InlineData("/espace-membre/organisme/collaborateurs/a2/retirer")]
    public async Task The_organisation_pages_are_forbidden_to_other_roles(string path)
    {
        using var client = await site.SignInAsync("Bruno Bureau", ["board", "recruiter", "admin"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [InlineData("/espace-membre/organisme")]
    [InlineData("/espace-membre/organisme/collaborateurs")]
    public async Task An_anonymous_person_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task Posting_without_the_anti_forgery_token_is_refused()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Marie Curie", ["referent"]);

        var response = await client.PostAsync("/espace-membre/organisme/collaborateurs/a2/retirer", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
