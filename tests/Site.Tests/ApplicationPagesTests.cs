using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Site.Tests;

/// <summary>The « Devenir adhérent » journey, against a stub of Membership's API.</summary>
[Collection(SiteCollection.Name)]
public sealed class ApplicationPagesTests(SiteFixture site) : IDisposable
{
    private const string Drafts = "/api/membership/application-drafts";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    public void Dispose() => site.Stub.Reset();

    /// <summary>The API of a visitor who has no draft yet: creating one answers <paramref name="created"/>, then the draft is served with key k-123.</summary>
    private void ServeDraft(object? created = null, Func<StubRequest, StubAnswer?>? more = null) =>
        site.Stub.Api = request =>
        {
            if (more?.Invoke(request) is { } answer)
            {
                return answer;
            }

            return (request.Method, request.PathAndQuery) switch
            {
                ("POST", Drafts) => new StubAnswer(201, created ?? ApplicationJson.View(key: "k-123")),
                (_, "/api/membership/affiliations") => new StubAnswer(200, new[] { new { organisationId = "o9", name = "Grand E-Nov" } }),
                (_, $"{Drafts}/d1/hr-contacts") => new StubAnswer(200, new[] { new { accountId = "a1", userName = "mcurie", name = "Marie Curie" } }),
                ("GET", $"{Drafts}/d1") when request.Header("Nege-Application-Key") == "k-123" => new StubAnswer(200, ApplicationJson.View()),
                ("PUT", $"{Drafts}/d1/organisation") => new StubAnswer(200, ApplicationJson.View()),
                ("PUT", $"{Drafts}/d1/referent") => new StubAnswer(200, ApplicationJson.View()),
                ("POST", $"{Drafts}/d1/submission") => new StubAnswer(200, ApplicationJson.View(status: "submitted")),
                _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
            };
        };

    private static MultipartFormDataContent PartOne(string token, bool withPhoto = true, byte[]? photo = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("marie.curie@exemple.fr"), "Input.Email" },
            { new StringContent("mcurie"), "Input.UserName" },
            { new StringContent("Madame"), "Input.Civility" },
            { new StringContent("Curie"), "Input.LastName" },
            { new StringContent("Marie"), "Input.FirstName" },
            { new StringContent("DRH"), "Input.Function" },
            { new StringContent("06 12 34 56 78"), "Input.MobilePhone" },
            { new StringContent(""), "Input.LandlinePhone" },
            { new StringContent("Siège"), "Input.WorkplaceSiteName" },
            { new StringContent("Alsace : Bas-Rhin (67)"), "Input.WorkplaceZone" },
            { new StringContent("1 rue X"), "Input.WorkplaceAddress" },
            { new StringContent("67000"), "Input.WorkplacePostalCode" },
            { new StringContent("Strasbourg"), "Input.WorkplaceCity" },
            { new StringContent("Evénement public"), "Input.NotificationCategories" },
            { new StringContent("Vie de l'association"), "Input.NotificationCategories" },
            { new StringContent("true"), "Input.Consent" },
        };
        if (withPhoto)
        {
            var file = new ByteArrayContent(photo ?? Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "Input.Photo", "visage.png");
        }

        return form;
    }

    /// <summary>Part 1 sent by an anonymous visitor: the client then holds the draft cookie.</summary>
    private async Task<HttpClient> StartDraftAsync()
    {
        var client = site.CreateClient();
        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();
        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        site.Stub.ApiRequests.Clear();
        return client;
    }

    private static MultipartFormDataContent PartTwo(string token, bool withLogo = true)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Numérique & Co"), "Input.Name" },
            { new StringContent("Entreprise"), "Input.Category" },
            { new StringContent("Strasbourg"), "Input.RegionalHeadOffice" },
            { new StringContent("<p>Bonjour</p>"), "Input.Presentation" },
            { new StringContent("https://exemple.fr"), "Input.Website" },
            { new StringContent("true"), "Input.DigitalSector" },
            { new StringContent("StartUp"), "Input.CompanyType" },
            { new StringContent("2025-03-01"), "Input.StartupCreationDate" },
            { new StringContent("4"), "Input.StartupHeadcount" },
            { new StringContent("Moins de 300 K€"), "Input.StartupTurnoverBand" },
            { new StringContent("true"), "Input.StartupSyntecStartupPack" },
            { new StringContent("ESN - Agence Web"), "Input.MainActivities" },
            { new StringContent("Alsace : Bas-Rhin (67)"), "Input.SiteDepartements" },
            { new StringContent("Lorraine : Moselle (57)"), "Input.InterventionDepartements" },
            { new StringContent("o9"), "Input.AffiliationOrganisationId" },
            { new StringContent("mcurie"), "Input.HrContactUserName" },
            { new StringContent("12"), "Input.PerimeterAlsace" },
            { new StringContent("0"), "Input.PerimeterChampagneArdenne" },
            { new StringContent("3"), "Input.PerimeterLorraine" },
            { new StringContent("true"), "Input.CommitmentsDelegation" },
            { new StringContent("true"), "Input.CommitmentsStatutes" },
        };
        if (withLogo)
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "Input.Logo", "logo.png");
        }

        return form;
    }

    [Fact]
    public async Task The_home_page_leads_to_the_application_which_explains_the_two_parts()
    {
        using var client = site.CreateClient();

        var home = await (await client.GetAsync("/")).ReadPageAsync();
        var page = await (await client.GetAsync("/adhesion")).ReadPageAsync();

        Assert.Contains("<a class=\"bouton\" href=\"/adhesion\">Devenir adhérent</a>", home, StringComparison.Ordinal);
        Assert.Contains("Le formulaire d'adhésion est composé de 2 parties", page, StringComparison.Ordinal);
        Assert.Contains("Votre demande sera traitée sous quinze jours.", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/adhesion/referent\">Commencer ma demande d'adhésion</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_one_shows_the_seeds_four_sections_in_details_elements()
    {
        ServeDraft();
        using var client = site.CreateClient();

        var page = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();

        Assert.Contains("<h1>Demande d'adhésion – partie 1</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"volet\" open>\n        <summary>Compte utilisateur</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"volet\">\n        <summary>Coordonnées individuelles</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<summary>Lieu de travail habituel</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<summary>Notifications de publication d'une actualité</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\">- Choisir une valeur -</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\">N/A</option>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Email\">Adresse de courriel *</label>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Email-aide\"", page, StringComparison.Ordinal);
        Assert.Contains("type=\"file\" accept=\"image/*\"", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Input_NotificationCategories-2\">Commission Aide au Recrutement</label>", page, StringComparison.Ordinal);
        Assert.Contains("dans les <a href=\"/mentions-legales\">mentions légales</a> *</label>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Enregistrer</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-val", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task Part_one_creates_the_draft_with_the_photo_and_the_consent_then_the_key_opens_it()
    {
        ServeDraft();
        using var client = site.CreateClient();
        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();

        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/adhesion/organisme?etat=compte-cree", response.Headers.Location?.ToString());
        var cookie = Html.SetCookie(response, "nege.adhesion=");
        Html.AssertProtected(cookie, "lax");
        Assert.Contains("path=/adhesion", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("k-123", cookie, StringComparison.Ordinal);

        var created = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal(("POST", Drafts), (created.Method, created.PathAndQuery));
        using (var body = JsonDocument.Parse(created.Body))
        {
            var json = body.RootElement;
            Assert.Equal("marie.curie@exemple.fr", json.GetProperty("email").GetString());
            Assert.Equal("mcurie", json.GetProperty("userName").GetString());
            Assert.Equal("Madame", json.GetProperty("civility").GetString());
            Assert.Equal("Curie", json.GetProperty("lastName").GetString());
            Assert.Equal("Marie", json.GetProperty("firstName").GetString());
            Assert.Equal("DRH", json.GetProperty("function").GetString());
            Assert.Equal(Convert.ToBase64String(Png), json.GetProperty("photo").GetString());
            Assert.Equal("06 12 34 56 78", json.GetProperty("mobilePhone").GetString());
            Assert.Equal(JsonValueKind.Null, json.GetProperty("landlinePhone").ValueKind);
            Assert.Equal("Alsace : Bas-Rhin (67)", json.GetProperty("workplace").GetProperty("zone").GetString());
            Assert.Equal("67000", json.GetProperty("workplace").GetProperty("postalCode").GetString());
            Assert.Equal(["Evénement public", "Vie de l'association"], json.GetProperty("notificationCategories").Deserialize<string[]>()!);
            Assert.True(json.GetProperty("consent").GetBoolean());
        }

        site.Stub.ApiRequests.Clear();
        var next = await client.GetAsync("/adhesion/organisme?etat=compte-cree");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var page = await next.ReadPageAsync();
        Assert.Contains("Un courriel de confirmation vient d'être envoyé à marie.curie@exemple.fr", page, StringComparison.Ordinal);
        Assert.Contains("choisissez votre mot de passe", page, StringComparison.Ordinal);
        var draft = site.Stub.ApiRequests.First(request => request.PathAndQuery == $"{Drafts}/d1");
        Assert.Equal("k-123", draft.Header("Nege-Application-Key"));
        Assert.Equal("k-123", site.Stub.ApiRequests.Single(request => request.PathAndQuery.EndsWith("/hr-contacts", StringComparison.Ordinal)).Header("Nege-Application-Key"));
    }

    [Fact]
    public async Task The_apis_field_errors_show_beside_the_fields_and_in_the_summary_with_the_values_kept()
    {
        ServeDraft(more: request => request.Method == "POST" ? new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["email"] = ["Un compte existe déjà avec cette adresse de courriel."],
                ["workplace.postalCode"] = ["Le code postal doit compter 5 chiffres."],
                ["photo"] = ["La photo doit être une image PNG, JPEG ou GIF."],
                ["somethingElse"] = ["Une autre erreur."],
            },
        }) : null);
        using var client = site.CreateClient();
        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();

        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("nege.adhesion=", StringComparison.Ordinal)));
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Email-erreur\">Un compte existe déjà avec cette adresse de courriel.</span>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Email-aide Input_Email-erreur\"", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Input_Email\"[^>]*aria-invalid=\"true\"", page);
        Assert.Matches("<input[^>]*id=\"Input_WorkplacePostalCode\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Photo-erreur\">La photo doit être une image PNG, JPEG ou GIF.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"erreurs-titre\">Le formulaire contient 4 erreurs</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Email\">Un compte existe déjà avec cette adresse de courriel.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_WorkplacePostalCode\">Le code postal doit compter 5 chiffres.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Une autre erreur.</li>", page, StringComparison.Ordinal);
        // The section with an error opens; the others stay as they were.
        Assert.Contains("<details class=\"volet\" open=\"open\">\n        <summary>Lieu de travail habituel</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"volet\">\n        <summary>Coordonnées individuelles</summary>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Curie\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"67000\"", page, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\">Alsace : Bas-Rhin (67)</option>", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" id=\"Input_NotificationCategories-1\" name=\"Input.NotificationCategories\" value=\"Vie de l'association\" checked=\"checked\"", page);
    }

    [Fact]
    public async Task An_existing_draft_is_edited_with_its_key_and_its_account_is_read_only()
    {
        ServeDraft();
        using var client = await StartDraftAsync();
        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();
        Assert.Matches("<input type=\"email\" readonly[^>]*value=\"marie.curie@exemple.fr\"", form);
        Assert.DoesNotContain("Input.Consent", form, StringComparison.Ordinal);

        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form), withPhoto: false));

        Assert.Equal("/adhesion/organisme?etat=referent", response.Headers.Location?.ToString());
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request is { Method: "POST", PathAndQuery: Drafts });
        var update = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"{Drafts}/d1/referent", update.PathAndQuery);
        Assert.Equal("k-123", update.Header("Nege-Application-Key"));
        using var body = JsonDocument.Parse(update.Body);
        Assert.False(body.RootElement.TryGetProperty("email", out _));
        Assert.False(body.RootElement.TryGetProperty("consent", out _));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("photo").ValueKind);
        Assert.Equal("Curie", body.RootElement.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Part_two_saves_the_draft_with_the_key_and_stays()
    {
        ServeDraft();
        using var client = await StartDraftAsync();
        var form = await (await client.GetAsync("/adhesion/organisme")).ReadPageAsync();
        Assert.Contains("<option value=\"o9\">Grand E-Nov</option>", form, StringComparison.Ordinal);
        Assert.Contains("<datalist id=\"contacts-rh\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"mcurie\">Marie Curie</option>", form, StringComparison.Ordinal);
        Assert.Contains("list=\"contacts-rh\"", form, StringComparison.Ordinal);
        Assert.Contains("<legend>Si votre entreprise est une StartUp</legend>", form, StringComparison.Ordinal);
        Assert.Contains("Entreprises = nombre de salariés / Organisations professionnelles = nombre d'adhérents", form, StringComparison.Ordinal);
        Assert.Contains("taille maximale recommandée 300x300, moins de 200 Ko", form, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/adhesion/organisme?handler=Brouillon\"", form, StringComparison.Ordinal);
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync("/adhesion/organisme?handler=Brouillon", PartTwo(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/adhesion/organisme?etat=brouillon", response.Headers.Location?.ToString());
        var save = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"{Drafts}/d1/organisation", save.PathAndQuery);
        Assert.Equal("k-123", save.Header("Nege-Application-Key"));
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.PathAndQuery.EndsWith("/submission", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(save.Body);
        var json = body.RootElement;
        Assert.Equal("Numérique & Co", json.GetProperty("name").GetString());
        Assert.Equal(Convert.ToBase64String(Png), json.GetProperty("logo").GetString());
        Assert.True(json.GetProperty("digitalSector").GetBoolean());
        Assert.Equal("StartUp", json.GetProperty("companyType").GetString());
        Assert.Equal("2025-03-01", json.GetProperty("startup").GetProperty("creationDate").GetString());
        Assert.Equal(4, json.GetProperty("startup").GetProperty("headcount").GetInt32());
        Assert.True(json.GetProperty("startup").GetProperty("syntecStartupPack").GetBoolean());
        Assert.Equal(["ESN - Agence Web"], json.GetProperty("mainActivities").Deserialize<string[]>()!);
        Assert.Equal("o9", json.GetProperty("affiliationOrganisationId").GetString());
        Assert.Equal("mcurie", json.GetProperty("hrContactUserName").GetString());
        Assert.Equal(12, json.GetProperty("perimeter").GetProperty("alsace").GetInt32());
        Assert.Equal(0, json.GetProperty("perimeter").GetProperty("champagneArdenne").GetInt32());
        Assert.True(json.GetProperty("commitments").GetProperty("statutes").GetBoolean());

        var saved = await (await client.GetAsync("/adhesion/organisme?etat=brouillon")).ReadPageAsync();
        Assert.Contains("Votre brouillon est enregistré.", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_two_preview_saves_then_shows_the_whole_application_and_what_is_missing()
    {
        ServeDraft(more: request => request is { Method: "GET", PathAndQuery: $"{Drafts}/d1" }
            ? new StubAnswer(200, ApplicationJson.View(missing: new Dictionary<string, string[]>
            {
                ["logo"] = ["Le logo est obligatoire."],
                ["perimeter.lorraine"] = ["Saisissez l'effectif pour la Lorraine."],
            }))
            : null);
        using var client = await StartDraftAsync();
        var form = await (await client.GetAsync("/adhesion/organisme")).ReadPageAsync();
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync("/adhesion/organisme?handler=Apercu", PartTwo(Html.AntiforgeryToken(form), withLogo: false));

        Assert.Equal("/adhesion/apercu", response.Headers.Location?.ToString());
        var save = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"{Drafts}/d1/organisation", save.PathAndQuery);
        using (var body = JsonDocument.Parse(save.Body))
        {
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("logo").ValueKind);
        }

        var preview = await client.GetAsync("/adhesion/apercu");
        var page = await preview.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<h1>Aperçu</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/adhesion/organisme#Input_Logo\">Le logo est obligatoire.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/adhesion/organisme#Input_PerimeterLorraine\">Saisissez l'effectif pour la Lorraine.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Raison sociale</dt><dd>Numérique &amp; Co</dd>", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<dt>Adresse de courriel</dt><dd>marie.curie@exemple.fr</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Notre <strong>présentation</strong></p>", page, StringComparison.Ordinal);
        Assert.Contains("<img class=\"apercu-image\" src=\"/adhesion/logo\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/adhesion/referent\">Modifier la partie 1", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Enregistrer</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_two_enregistrer_saves_then_submits_and_the_confirmation_forgets_the_draft()
    {
        ServeDraft();
        using var client = await StartDraftAsync();
        var form = await (await client.GetAsync("/adhesion/organisme")).ReadPageAsync();
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync("/adhesion/organisme?handler=Enregistrer", PartTwo(Html.AntiforgeryToken(form)));

        Assert.Equal("/adhesion/envoyee", response.Headers.Location?.ToString());
        var writes = site.Stub.ApiRequests.Where(request => request.Method != "GET").ToList();
        Assert.Equal([$"PUT {Drafts}/d1/organisation", $"POST {Drafts}/d1/submission"], writes.Select(request => $"{request.Method} {request.PathAndQuery}"));
        Assert.All(writes, request => Assert.Equal("k-123", request.Header("Nege-Application-Key")));

        var sent = await client.GetAsync("/adhesion/envoyee");
        var page = await sent.ReadPageAsync();
        Assert.Contains("Votre demande sera traitée sous quinze jours", page, StringComparison.Ordinal);
        Assert.Contains("Président", page, StringComparison.Ordinal);
        Assert.Contains("copie", page, StringComparison.Ordinal);
        var cleared = Html.SetCookie(sent, "nege.adhesion=");
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.Ordinal);
        Assert.Contains("path=/adhesion", cleared, StringComparison.OrdinalIgnoreCase);

        site.Stub.ApiRequests.Clear();
        var again = await client.GetAsync("/adhesion/organisme");
        Assert.Equal("/adhesion/referent", again.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Submission_errors_show_beside_the_fields_and_the_others_at_the_top()
    {
        ServeDraft(more: request => request is { Method: "POST", PathAndQuery: $"{Drafts}/d1/submission" }
            ? new StubAnswer(400, new
            {
                title = "La demande est incomplète.", status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["name"] = ["Saisissez la raison sociale."],
                    ["perimeter"] = ["Au moins un territoire doit compter plus de 0."],
                    ["commitments.statutes"] = ["Acceptez les statuts, le règlement intérieur et la grille de cotisation."],
                    ["civility"] = ["Choisissez la civilité (partie 1)."],
                },
            })
            : null);
        using var client = await StartDraftAsync();
        var form = await (await client.GetAsync("/adhesion/organisme")).ReadPageAsync();

        var response = await client.PostAsync("/adhesion/organisme?handler=Enregistrer", PartTwo(Html.AntiforgeryToken(form)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Name-erreur\">Saisissez la raison sociale.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Input_Name\"[^>]*aria-invalid=\"true\"", page);
        Assert.Matches("<fieldset aria-describedby=\"perimetre-aide Input_Perimeter-erreur\" id=\"Input_Perimeter\" tabindex=\"-1\">", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Perimeter-erreur\">Au moins un territoire doit compter plus de 0.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_CommitmentsStatutes-erreur\"", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Perimeter\">Au moins un territoire doit compter plus de 0.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Choisissez la civilité (partie 1).</li>", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"volet\" open=\"open\">\n        <summary>Périmètre d'adhésion</summary>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Numérique &amp; Co\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_submission_of_a_duplicate_shows_the_apis_reason()
    {
        ServeDraft(more: request => request is { Method: "POST", PathAndQuery: $"{Drafts}/d1/submission" }
            ? new StubAnswer(409, new { title = "Conflit.", status = 409, detail = "Un organisme adhérent porte déjà ce nom." })
            : null);
        using var client = await StartDraftAsync();
        var preview = await (await client.GetAsync("/adhesion/apercu")).ReadPageAsync();

        var response = await client.PostAsync("/adhesion/apercu", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(preview))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Un organisme adhérent porte déjà ce nom.</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal("k-123", site.Stub.ApiRequests.Single(request => request.Method == "POST").Header("Nege-Application-Key"));
    }

    // — The preview's fee —

    private static string QuotePrefix => "/api/billing/quote?";

    [Fact]
    public async Task The_preview_shows_the_annual_fee_billing_quotes_for_the_drafts_facts()
    {
        ServeDraft(more: request => request.PathAndQuery.StartsWith(QuotePrefix, StringComparison.Ordinal)
            ? new StubAnswer(200, BillingJson.Quote(BillingJson.ThisYear, 67200, explanation:
                "Entreprise du secteur numérique, 15 salariés sur le périmètre (Alsace 12, Lorraine 3), non affiliée : tranche 10 à 24, 384 €"))
            : null);
        using var client = await StartDraftAsync();

        var response = await client.GetAsync("/adhesion/apercu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quote = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery.StartsWith(QuotePrefix, StringComparison.Ordinal));
        Assert.Equal($"{QuotePrefix}year={BillingJson.ThisYear}&category=Entreprise&digitalSector=true&alsace=12&champagneArdenne=0&lorraine=3&affiliated=false",
            quote.PathAndQuery);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h2 id=\"cotisation\">Cotisation annuelle estimée</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"montant\">Pour {BillingJson.ThisYear} : <strong>672 €</strong></p>", page, StringComparison.Ordinal);
        Assert.Contains(
            "<p class=\"explication\">Entreprise du secteur numérique, 15 salariés sur le périmètre (Alsace 12, Lorraine 3), non affiliée : tranche 10 à 24, 384 €</p>",
            page, StringComparison.Ordinal);
        Assert.Contains("Estimation selon la grille de cotisation 2019", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/combien-coute-l-adhesion\">Voir la grille de cotisation</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_affiliated_startups_facts_go_with_the_quote()
    {
        var draft = (Dictionary<string, object?>)ApplicationJson.View();
        draft["organisation"] = new
        {
            name = "Jeune Pousse", category = "Entreprise", regionalHeadOffice = "Metz", hasLogo = true, presentation = (string?)null,
            website = (string?)null, digitalSector = true, companyType = "StartUp", mainActivities = Array.Empty<string>(),
            siteDepartements = Array.Empty<string>(), interventionDepartements = Array.Empty<string>(),
            affiliation = new { organisationId = "o9", name = "Grand E-Nov" }, hrContact = (object?)null,
            startup = new { creationDate = "2025-03-01", headcount = 4, turnoverBand = "Moins de 300 K€", syntecStartupPack = true },
            perimeter = new { alsace = 0, champagneArdenne = 0, lorraine = 4 }, commitments = new { delegation = true, statutes = true },
        };
        ServeDraft(more: request => request.PathAndQuery switch
        {
            $"{Drafts}/d1" => new StubAnswer(200, draft),
            var path when path.StartsWith(QuotePrefix, StringComparison.Ordinal) => new StubAnswer(200, BillingJson.Quote(BillingJson.ThisYear, 0, "startup",
                "Startup du secteur numérique affiliée ayant souscrit le pack Startup de Syntec numérique : gratuit")),
            _ => null,
        });
        using var client = await StartDraftAsync();

        var page = await (await client.GetAsync("/adhesion/apercu")).ReadPageAsync();

        var quote = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery.StartsWith(QuotePrefix, StringComparison.Ordinal));
        Assert.Equal($"{QuotePrefix}year={BillingJson.ThisYear}&category=Entreprise&digitalSector=true&alsace=0&champagneArdenne=0&lorraine=4&affiliated=true"
            + "&startupCreatedOn=2025-03-01&startupHeadcount=4&startupTurnover=Moins%20de%20300%20K%E2%82%AC&startupPack=true", quote.PathAndQuery);
        Assert.Contains($"<p class=\"montant\">Pour {BillingJson.ThisYear} : <strong>0 €</strong></p>", page, StringComparison.Ordinal);
        Assert.Contains("Startup du secteur numérique affiliée ayant souscrit le pack Startup de Syntec numérique : gratuit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_billing_does_not_answer_the_preview_still_shows_and_says_the_fee_will_be_on_the_fee_call()
    {
        ServeDraft(more: request => request.PathAndQuery.StartsWith(QuotePrefix, StringComparison.Ordinal) ? new StubAnswer(503) : null);
        using var client = await StartDraftAsync();

        var response = await client.GetAsync("/adhesion/apercu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<dt>Raison sociale</dt><dd>Numérique & Co</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Le montant de votre cotisation annuelle ne peut pas être estimé pour le moment : il figurera sur l'appel de cotisation qui vous sera adressé après l'acceptation de votre demande.</p>",
            page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Enregistrer</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"erreurs\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_billing_cannot_quote_yet_says_when_the_fee_will_be_estimated()
    {
        ServeDraft(more: request => request.PathAndQuery.StartsWith(QuotePrefix, StringComparison.Ordinal)
            ? new StubAnswer(400, BillingJson.ValidationProblem(new() { ["category"] = ["La catégorie d'organisme est obligatoire."] }))
            : null);
        using var client = await StartDraftAsync();

        var page = await (await client.GetAsync("/adhesion/apercu")).ReadPageAsync();

        Assert.Contains("Votre cotisation annuelle sera estimée quand la catégorie de l'organisme, son secteur d'activité et son périmètre d'adhésion seront renseignés", page, StringComparison.Ordinal);
        Assert.DoesNotContain("La catégorie d'organisme est obligatoire.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/adhesion/organisme")]
    [InlineData("/adhesion/apercu")]
    public async Task Without_a_draft_the_visitor_is_sent_to_part_one(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/adhesion/referent", response.Headers.Location?.ToString());
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_logged_in_referent_finds_their_draft_with_their_token()
    {
        site.Stub.Api = request => request.PathAndQuery switch
        {
            $"{Drafts}/mine" => new StubAnswer(200, ApplicationJson.View()),
            "/api/membership/affiliations" => new StubAnswer(200, Array.Empty<object>()),
            $"{Drafts}/d1/hr-contacts" => new StubAnswer(200, Array.Empty<object>()),
            _ => new StubAnswer(404),
        };
        using var client = await site.SignInAsync("Marie Curie", ["candidate"], accessToken: "token-of-marie");

        var response = await client.GetAsync("/adhesion/organisme");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Numérique &amp; Co\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(site.Stub.ApiRequests, request =>
        {
            Assert.Equal("Bearer token-of-marie", request.Authorization);
            Assert.Null(request.Header("Nege-Application-Key"));
        });
    }

    [Fact]
    public async Task A_logged_in_person_without_a_draft_applies_with_their_own_account()
    {
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", $"{Drafts}/mine") => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
            ("GET", "/api/membership/me") => new StubAnswer(200, new
            {
                id = "a7", email = "paul.meusien@exemple.fr", userName = "pmeusien", civility = "Monsieur", lastName = "Meusien", firstName = "Paul",
                function = "Gérant", organisationId = (string?)null, organisationName = (string?)null, roles = Array.Empty<string>(),
                emailConfirmed = true, isLocked = false, lockedUntil = (DateTimeOffset?)null, createdAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            }),
            ("POST", $"{Drafts}/mine") => new StubAnswer(201, ApplicationJson.View(key: "k-mine")),
            _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
        };
        using var client = await site.SignInAsync("Paul Meusien", [], accessToken: "token-of-paul");

        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();

        var email = System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*id=\"Input_Email\"[^>]*>").Value;
        Assert.Contains("value=\"paul.meusien@exemple.fr\"", email, StringComparison.Ordinal);
        Assert.Contains("readonly", email, StringComparison.Ordinal);
        Assert.Contains("votre demande d'adhésion se fait avec votre compte", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Meusien\"", form, StringComparison.Ordinal);

        site.Stub.ApiRequests.Clear();
        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form), withPhoto: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Html.SetCookie(response, "nege.adhesion=");
        var created = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{Drafts}/mine", created.PathAndQuery);
        Assert.Equal("Bearer token-of-paul", created.Authorization);
        using var body = JsonDocument.Parse(created.Body);
        Assert.False(body.RootElement.TryGetProperty("email", out _));
        Assert.False(body.RootElement.TryGetProperty("userName", out _));
        Assert.True(body.RootElement.GetProperty("consent").GetBoolean());
    }

    [Fact]
    public async Task The_drafts_logo_is_served_through_the_site_with_the_key()
    {
        ServeDraft(more: request => request.PathAndQuery == $"{Drafts}/d1/logo" ? StubAnswer.File(Png, "image/png") : null);
        using var client = await StartDraftAsync();

        var response = await client.GetAsync("/adhesion/logo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("k-123", site.Stub.ApiRequests.Single(request => request.PathAndQuery.EndsWith("/logo", StringComparison.Ordinal)).Header("Nege-Application-Key"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/adhesion/photo")).StatusCode);
    }

    [Fact]
    public async Task A_form_too_large_to_read_comes_back_with_a_french_message()
    {
        ServeDraft();
        using var client = site.CreateClient();
        var form = await (await client.GetAsync("/adhesion/referent")).ReadPageAsync();

        var response = await client.PostAsync("/adhesion/referent", PartOne(Html.AntiforgeryToken(form), photo: new byte[3 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/adhesion/referent?etat=trop-volumineux", response.Headers.Location?.ToString());
        Assert.Empty(site.Stub.ApiRequests);
        var page = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("Le formulaire envoyé est trop volumineux (2 Mo au plus)", page, StringComparison.Ordinal);
    }
}

/// <summary>Membership's answers about applications, as the contract (issue4-api.md) writes them.</summary>
internal static class ApplicationJson
{
    public static object View(string id = "d1", string status = "draft", string? key = null,
        IReadOnlyDictionary<string, string[]>? missing = null, object? decision = null,
        int? daysLeft = null, bool overdue = false)
    {
        var view = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["status"] = status,
            ["statusLabel"] = status switch { "draft" => "Brouillon", "submitted" => "Déposée", "accepted" => "Acceptée", _ => "Refusée" },
            ["createdAt"] = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            ["submittedAt"] = status == "draft" ? null : new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero),
            ["dueOn"] = status == "draft" ? null : "2026-11-19",
            ["daysLeft"] = daysLeft,
            ["overdue"] = overdue,
            ["referent"] = new
            {
                accountId = "a1", email = "marie.curie@exemple.fr", userName = "mcurie", civility = "Madame", lastName = "Curie",
                firstName = "Marie", function = "DRH", hasPhoto = false, mobilePhone = "+33612345678", landlinePhone = (string?)null,
                workplace = new { siteName = "Siège", zone = "N/A", address = "1 rue X", postalCode = "67000", city = "Strasbourg" },
                notificationCategories = new[] { "Evénement public" },
            },
            ["organisation"] = new
            {
                name = "Numérique & Co", category = "Entreprise", regionalHeadOffice = "Strasbourg", hasLogo = true,
                presentation = "<p>Notre <strong>présentation</strong></p>", website = "https://exemple.fr", digitalSector = true,
                companyType = "PME : 10-250 personnes", mainActivities = new[] { "ESN - Agence Web" },
                siteDepartements = new[] { "Alsace : Bas-Rhin (67)" }, interventionDepartements = new[] { "Alsace : Bas-Rhin (67)" },
                affiliation = (object?)null, hrContact = new { accountId = "a1", userName = "mcurie", name = "Marie Curie" },
                startup = (object?)null, perimeter = new { alsace = 12, champagneArdenne = 0, lorraine = 3 },
                commitments = new { delegation = true, statutes = true },
            },
            ["missing"] = missing ?? new Dictionary<string, string[]>(),
            ["decision"] = decision,
        };
        if (key is not null)
        {
            view["key"] = key;
        }

        return view;
    }
}
