using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nege.Contracts.Candidates;

namespace Site.Tests;

/// <summary>« Dossiers de candidats »: an employment partner's colleague submits and follows their organisation's dossiers.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class PartnerAdviserPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/adviser/dossiers";

    private const string Partner = "employment_partner";

    private const string NewDossierPage = "/espace-membre/dossiers/nouveau";

    private static readonly Guid DossierId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000d1");

    private static readonly Guid DocumentId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000f1");

    private static readonly string DossierPage = $"/espace-membre/dossiers/{DossierId}";

    private static readonly DateTimeOffset Submitted = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => site.Stub.Reset();

    private static object Status(string code, string label) => new { code, label, since = Submitted.AddDays(2) };

    private static object Content() => new
    {
        identification = new
        {
            firstName = "Élodie", lastName = "Dupont", partnerReference = "FT-1234",
            address = new { street = "12 rue des Juifs", complement = (string?)"Bâtiment B", postalCode = "67000", city = "Strasbourg" },
            email = "elodie.dupont@exemple.fr", phone = "+33388123456", birthDate = "1990-05-12",
        },
        context = new { ageBand = "26 à 49 ans", complementaryActivity = (string?)null, situations = new[] { "Personne en reconversion professionnelle" } },
        profile = new
        {
            skills = new[] { new { kind = "Technique", name = "JavaScript", level = "Pratique" } }, softSkills = new[] { "Rigueur" },
            qualificationLevel = "Niveau 5 (bac+2 : BTS, DUT)", diploma = (string?)"BTS SIO", experienceYears = 12, experience = (string?)null,
        },
        project = new
        {
            targetJobs = new[] { "Développeuse web" }, companyTypes = Array.Empty<string>(), contractTypes = new[] { "CDI" },
            expectedAnnualGrossSalaryCents = 3_500_000, mobility = new { departements = Array.Empty<string>(), maximumDistanceKm = 40 },
            skillsDevelopment = (string?)null,
        },
        consent = new { noticeVersion = "2026-12", socialNetworkPromotion = true, informedAt = Submitted, talentPool = true },
    };

    /// <summary>A dossier as <c>GET …/adviser/dossiers/{id}</c> answers: with its contents for the submitter, without for a follower.</summary>
    private static object Dossier(string relation = "submitter", string code = "in_analysis", string label = "En analyse", Guid? id = null,
        string number = "2026-000042", string lastName = "Dupont", string? reference = "FT-1234") => new
    {
        id = id ?? DossierId, number, relation, status = Status(code, label), territory = "Alsace", partnerReference = reference,
        firstName = "Élodie", lastName, submittedAt = Submitted, updatedAt = Submitted.AddDays(2),
        content = relation == "submitter" ? Content() : null,
        adviser = new { name = "Paula Partenaire", email = "paula@agence.fr" },
    };

    private static object History() => new object[]
    {
        new { from = (string?)null, to = "submitted", toLabel = "Déposé", at = Submitted, by = "Paula Partenaire", reason = (string?)null },
        new { from = (string?)"submitted", to = "in_analysis", toLabel = "En analyse", at = Submitted.AddDays(2), by = "Claire Membre", reason = (string?)"Prise en charge." },
    };

    private static object Documents() => new
    {
        documents = new[]
        {
            new
            {
                id = DocumentId, dossierId = DossierId, kind = "Curriculum Vitae", fileName = "cv-élodie.pdf", contentType = "application/pdf",
                size = 120_000L, sha256 = new string('a', 64), uploadedAt = Submitted.AddDays(1), uploadedByClientId = (string?)null, uploadedBy = "Paula Partenaire",
            },
        },
        totalSize = 120_000L, maxTotalSize = 20L * 1024 * 1024, maxDocumentSize = 5L * 1024 * 1024, maxCount = 50,
    };

    private static object Page(object[] items, int page = 1, int total = -1) =>
        new { items, page, pageSize = 20, total = total < 0 ? items.Length : total };

    private static StubAnswer NotFound() => new(404, new { title = "Introuvable.", status = 404, detail = "Ce dossier n'existe pas, ou votre organisme ne l'a ni déposé ni ne le suit." });

    /// <summary>The dossier's reads (as <paramref name="relation"/>), and <paramref name="write"/> for the rest.</summary>
    private static Func<StubRequest, StubAnswer> DossierApi(string relation = "submitter", Func<StubRequest, StubAnswer>? write = null, string code = "in_analysis") =>
        request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{DossierId}" => new StubAnswer(200, Dossier(relation, code, code == "withdrawn" ? "Retiré" : "En analyse")),
            ("GET", var path) when path == $"{Api}/{DossierId}/history" => new StubAnswer(200, History()),
            ("GET", var path) when path == $"{Api}/{DossierId}/documents" => relation == "submitter"
                ? new StubAnswer(200, Documents())
                : new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = "Seul l'organisme qui a déposé le dossier en voit les documents." }),
            _ => write?.Invoke(request) ?? NotFound(),
        };

    private static string HiddenValue(string page, string name)
    {
        var match = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"");
        Assert.True(match.Success, $"the page has a field {name} with a value");
        return match.Groups["value"].Value;
    }

    // — The list —

    [Fact]
    public async Task The_list_shows_the_organisations_dossiers_and_asks_the_api_with_the_status_and_the_page()
    {
        var followed = Guid.NewGuid();
        site.Stub.Api = _ => new StubAnswer(200, Page(
            [Dossier(), Dossier("follower", id: followed, number: "2026-000007", lastName: "Martin", reference: null)], 2, 22));
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");

        var response = await client.GetAsync("/espace-membre/dossiers?statut=in_analysis&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"{Api}?status=in_analysis&order=recent&page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer partner-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Dossiers de candidats</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"bouton\" href=\"/espace-membre/dossiers/nouveau\">Déposer un dossier</a>", page, StringComparison.Ordinal);
        Assert.Matches(
            $"<td><a href=\"{DossierPage}\">2026-000042</a></td>\\s*<td>Élodie Dupont</td>\\s*<td>FT-1234</td>\\s*<td>Déposé par votre organisme</td>\\s*<td>En analyse</td>\\s*<td>05/12/2026 à 10:00</td>",
            page);
        Assert.Matches(
            $"<td><a href=\"/espace-membre/dossiers/{followed}\">2026-000007</a></td>\\s*<td>Élodie Martin</td>\\s*<td>—</td>\\s*<td>Suivi</td>",
            page);
        Assert.Contains("<option value=\"in_analysis\" selected=\"selected\">En analyse</option>", page, StringComparison.Ordinal);
        // Every status of the life cycle can be chosen.
        Assert.All(DossierStatuses.All, status => Assert.Contains($"<option value=\"{status.Code}\"", page, StringComparison.Ordinal));
        Assert.Contains("<a href=\"?statut=in_analysis&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", page, StringComparison.Ordinal);
        Assert.Contains("22 dossiers.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_filter_the_list_asks_for_every_status_from_the_first_page()
    {
        site.Stub.Api = _ => new StubAnswer(200, Page([]));
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var page = await (await client.GetAsync("/espace-membre/dossiers")).ReadPageAsync();

        Assert.Equal($"{Api}?order=recent&page=1&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("Votre organisme n'a encore déposé ni ne suit aucun dossier.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_attached_to_no_organisation_is_told_so()
    {
        const string Detail = "Votre compte n'est rattaché à aucun organisme : demandez au référent de votre organisme de vous y rattacher.";
        site.Stub.Api = _ => new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = Detail });
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var list = await client.GetAsync("/espace-membre/dossiers");
        var dossier = await client.GetAsync(DossierPage);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"<li>{Detail}</li>", await list.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);
        var page = await dossier.ReadPageAsync();
        Assert.Contains($"<li>{Detail}</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Accès refusé", page, StringComparison.Ordinal);
    }

    // — Who may see the pages —

    public static TheoryData<string> AdviserPages => new()
    {
        "/espace-membre/dossiers", NewDossierPage, DossierPage, $"{DossierPage}/documents/{DocumentId}", $"{DossierPage}/documents/{DocumentId}/supprimer",
    };

    [Theory]
    [MemberData(nameof(AdviserPages))]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [MemberData(nameof(AdviserPages))]
    public async Task A_person_without_the_employment_partner_role_is_refused_even_an_administrator(string path)
    {
        using var referent = await site.SignInAsync("Rita Référente", ["referent", "commission", "board", "recruiter"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);

        var refused = await referent.GetAsync(path);
        var adminRefused = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminRefused.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_posted_form_is_refused_too_without_the_role()
    {
        using var client = await site.SignInAsync("Rita Référente", ["referent"]);
        var form = await (await client.GetAsync("/espace-membre")).ReadPageAsync();

        var response = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), KeyValuePair.Create("Input.Identification.FirstName", "Élodie")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_dossiers_for_an_employment_partner_and_not_for_an_administrator()
    {
        using var partner = await site.SignInAsync("Paula Partenaire", [Partner]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);

        var partnerArea = await (await partner.GetAsync("/espace-membre")).ReadPageAsync();
        var adminArea = await (await admin.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Contains("<h2>Partenaire emploi</h2>", partnerArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/dossiers\">Dossiers de candidats</a></li>", partnerArea, StringComparison.Ordinal);
        Assert.DoesNotContain("bientôt disponible", partnerArea, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/dossiers", adminArea, StringComparison.Ordinal);
    }

    // — The submission form —

    [Fact]
    public async Task The_form_offers_the_apis_lists_six_skill_rows_the_current_notice_and_the_person_as_adviser()
    {
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var response = await client.GetAsync(NewDossierPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
        var page = await response.ReadPageAsync();
        Assert.True(Guid.TryParse(HiddenValue(page, "IdempotencyKey"), out var key) && key != Guid.Empty);
        Assert.Equal(CandidateNotices.CurrentDataUseVersion, HiddenValue(page, "Input.Consent.NoticeVersion"));
        Assert.Contains($"<a href=\"/candidats/donnees-personnelles/{CandidateNotices.CurrentDataUseVersion}\">", page, StringComparison.Ordinal);
        Assert.Contains("Le candidat a été informé des Conditions d'utilisation des données personnelles des candidats *</label>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Profile.Skills[5].Name\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Profile.Skills[6].Name\"", page, StringComparison.Ordinal);
        Assert.All(CandidateForm.Situations, situation => Assert.Contains($"value=\"{situation}\"", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.Departements, departement => Assert.Contains($"value=\"{departement}\"", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.ContractTypes, type => Assert.Contains($"name=\"Input.Project.ContractTypes\" value=\"{type}\"", page, StringComparison.Ordinal));
        Assert.All(CandidateForm.QualificationLevels, level => Assert.Contains($"<option>{level}</option>", page, StringComparison.Ordinal));
        Assert.Contains("<option value=\"C2\">C2</option>", page, StringComparison.Ordinal);
        Assert.Equal("Paula Partenaire", HiddenValue(page, "Input.Adviser.Name"));
        Assert.Equal("personne@exemple.fr", HiddenValue(page, "Input.Adviser.Email"));
        // Two visits, two forms: each its own key.
        var again = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();
        Assert.NotEqual(key.ToString(), HiddenValue(again, "IdempotencyKey"));
    }

    /// <summary>What a person types in the form (the anti-forgery token and the key come from the rendered form).</summary>
    private static List<KeyValuePair<string, string>> TypedDossier(string form, params (string Name, string Value)[] changes)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("Input.Identification.FirstName", "  Élodie "), ("Input.Identification.LastName", "Dupont"),
            ("Input.Identification.PartnerReference", "FT-1234"),
            ("Input.Identification.Address.Street", "12 rue des Juifs"), ("Input.Identification.Address.Complement", " "),
            ("Input.Identification.Address.PostalCode", "67000"), ("Input.Identification.Address.City", "Strasbourg"),
            ("Input.Identification.Email", "elodie.dupont@exemple.fr"), ("Input.Identification.Phone", "03 88 12 34 56"),
            ("Input.Identification.BirthDate", "1990-05-12"),
            ("Input.Context.AgeBand", ""), ("Input.Context.ComplementaryActivity", "Bénévole dans une association"),
            ("Input.Context.Situations", CandidateForm.Reconversion), ("Input.Context.Situations", CandidateForm.LongTermUnemployed),
            ("Input.Profile.Skills[0].Kind", "Technique"), ("Input.Profile.Skills[0].Name", "JavaScript"), ("Input.Profile.Skills[0].Level", "Pratique"),
            ("Input.Profile.Skills[1].Kind", ""), ("Input.Profile.Skills[1].Name", ""), ("Input.Profile.Skills[1].Level", ""),
            ("Input.Profile.Skills[2].Kind", "Langue"), ("Input.Profile.Skills[2].Name", "Anglais"), ("Input.Profile.Skills[2].Level", "B2"),
            ("Input.Profile.SoftSkills", "Rigueur\r\n\r\n  Travail en équipe \r\n"),
            ("Input.Profile.QualificationLevel", "Niveau 5 (bac+2 : BTS, DUT)"), ("Input.Profile.Diploma", "BTS SIO"),
            ("Input.Profile.ExperienceYears", "12"), ("Input.Profile.Experience", "Dix ans de commerce."),
            ("Input.Project.TargetJobs", "Développeuse web\r\nIntégratrice"),
            ("Input.Project.CompanyTypes", CandidateForm.CompanyTypes[0]),
            ("Input.Project.ContractTypes", "CDI"), ("Input.Project.ContractTypes", "Alternance"),
            ("Input.Project.ExpectedAnnualGrossSalaryEuros", "35000"),
            ("Input.Project.Mobility.Departements", CandidateForm.Departements[0]), ("Input.Project.Mobility.Departements", CandidateForm.Departements[1]),
            ("Input.Project.Mobility.MaximumDistanceKm", "40"), ("Input.Project.SkillsDevelopment", ""),
            ("Input.Consent.Informed", "true"), ("Input.Consent.Informed", "false"),
            ("Input.Consent.SocialNetworkPromotion", "true"), ("Input.Consent.SocialNetworkPromotion", "false"),
            ("Input.Adviser.Name", "Marc Conseiller"), ("Input.Adviser.Email", "marc@agence.fr"),
        };
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(field => field.Name == name);
            if (value.Length > 0)
            {
                fields.Add((name, value));
            }
        }

        return
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("IdempotencyKey", HiddenValue(form, "IdempotencyKey")),
            KeyValuePair.Create("Input.Consent.NoticeVersion", HiddenValue(form, "Input.Consent.NoticeVersion")),
            .. fields.Select(field => KeyValuePair.Create(field.Name, field.Value)),
        ];
    }

    private static StubAnswer Created(string outcome = "created", string message = "Le dossier 2026-000042 est déposé ; le candidat est informé du traitement de ses données par courriel.") =>
        new(outcome == "created" ? 201 : 200, new { outcome, message, dossier = Dossier() });

    [Fact]
    public async Task The_form_posts_the_dossier_as_the_api_takes_it_with_its_key_and_goes_to_the_dossier_with_the_apis_message()
    {
        site.Stub.Api = DossierApi(write: request => request.Method == "POST" && request.PathAndQuery == Api ? Created() : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();
        var key = HiddenValue(form, "IdempotencyKey");

        var response = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DossierPage, response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("POST", post.Method);
        Assert.Equal(Api, post.PathAndQuery);
        Assert.Equal("Bearer partner-token", post.Authorization);
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        Assert.Equal(key, post.Header("Idempotency-Key"));
        using var body = JsonDocument.Parse(post.Body);
        var root = body.RootElement;
        var identification = root.GetProperty("identification");
        Assert.Equal("Élodie", identification.GetProperty("firstName").GetString());
        Assert.Equal("Dupont", identification.GetProperty("lastName").GetString());
        Assert.Equal("FT-1234", identification.GetProperty("partnerReference").GetString());
        Assert.Equal("12 rue des Juifs", identification.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal(JsonValueKind.Null, identification.GetProperty("address").GetProperty("complement").ValueKind);
        Assert.Equal("67000", identification.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("Strasbourg", identification.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("elodie.dupont@exemple.fr", identification.GetProperty("email").GetString());
        Assert.Equal("03 88 12 34 56", identification.GetProperty("phone").GetString());
        Assert.Equal("1990-05-12", identification.GetProperty("birthDate").GetString());
        var context = root.GetProperty("context");
        Assert.Equal(JsonValueKind.Null, context.GetProperty("ageBand").ValueKind);
        Assert.Equal("Bénévole dans une association", context.GetProperty("complementaryActivity").GetString());
        Assert.Equal([CandidateForm.Reconversion, CandidateForm.LongTermUnemployed], Strings(context.GetProperty("situations")));
        var profile = root.GetProperty("profile");
        // The grid's empty row is not sent.
        Assert.Equal(2, profile.GetProperty("skills").GetArrayLength());
        Assert.Equal("Technique|JavaScript|Pratique", Skill(profile.GetProperty("skills")[0]));
        Assert.Equal("Langue|Anglais|B2", Skill(profile.GetProperty("skills")[1]));
        Assert.Equal(["Rigueur", "Travail en équipe"], Strings(profile.GetProperty("softSkills")));
        Assert.Equal("Niveau 5 (bac+2 : BTS, DUT)", profile.GetProperty("qualificationLevel").GetString());
        Assert.Equal("BTS SIO", profile.GetProperty("diploma").GetString());
        Assert.Equal(12, profile.GetProperty("experienceYears").GetInt32());
        Assert.Equal("Dix ans de commerce.", profile.GetProperty("experience").GetString());
        var project = root.GetProperty("project");
        Assert.Equal(["Développeuse web", "Intégratrice"], Strings(project.GetProperty("targetJobs")));
        Assert.Equal([CandidateForm.CompanyTypes[0]], Strings(project.GetProperty("companyTypes")));
        Assert.Equal(["CDI", "Alternance"], Strings(project.GetProperty("contractTypes")));
        Assert.Equal(3_500_000, project.GetProperty("expectedAnnualGrossSalaryCents").GetInt32());
        Assert.Equal([CandidateForm.Departements[0], CandidateForm.Departements[1]], Strings(project.GetProperty("mobility").GetProperty("departements")));
        Assert.Equal(40, project.GetProperty("mobility").GetProperty("maximumDistanceKm").GetInt32());
        Assert.Equal(JsonValueKind.Null, project.GetProperty("skillsDevelopment").ValueKind);
        Assert.Equal(CandidateNotices.CurrentDataUseVersion, root.GetProperty("consent").GetProperty("noticeVersion").GetString());
        Assert.True(root.GetProperty("consent").GetProperty("socialNetworkPromotion").GetBoolean());
        Assert.Equal("Marc Conseiller", root.GetProperty("adviser").GetProperty("name").GetString());
        Assert.Equal("marc@agence.fr", root.GetProperty("adviser").GetProperty("email").GetString());

        // The dossier's page says what the API said, once.
        var after = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Le dossier 2026-000042 est déposé ; le candidat est informé du traitement de ses données par courriel.</p>", after, StringComparison.Ordinal);
        var later = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        Assert.DoesNotContain("est déposé", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_rendered_form_sent_twice_carries_the_same_key_and_a_linked_dossier_says_so()
    {
        const string Linked = "Cette personne a déjà un dossier (2026-000042) déposé par un autre partenaire : votre organisme le suit désormais, sans en voir le contenu.";
        site.Stub.Api = request => request.Method == "POST" ? Created("linked", Linked) : DossierApi("follower")(request);
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        var first = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form)));
        var second = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var posts = site.Stub.ApiRequests.Where(request => request.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(HiddenValue(form, "IdempotencyKey"), posts[0].Header("Idempotency-Key"));
        Assert.Equal(posts[0].Header("Idempotency-Key"), posts[1].Header("Idempotency-Key"));
        Assert.Equal(posts[0].Body, posts[1].Body);
        var after = await (await client.GetAsync(second.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains(Linked, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_adviser_fields_send_no_adviser_the_api_then_names_the_person()
    {
        site.Stub.Api = request => request.Method == "POST" ? Created() : NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form, ("Input.Adviser.Name", " "), ("Input.Adviser.Email", ""))));

        using var body = JsonDocument.Parse(site.Stub.ApiRequests.Single(request => request.Method == "POST").Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("adviser").ValueKind);
    }

    [Fact]
    public async Task The_candidates_consent_to_the_talent_pool_is_its_own_box_and_is_sent_only_when_ticked()
    {
        site.Stub.Api = request => request.Method == "POST" ? Created() : NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var ticked = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();
        var unticked = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(ticked,
            ("Input.Consent.TalentPool", "true"), ("Input.Consent.SocialNetworkPromotion", "false"))));
        await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(unticked, ("Input.Consent.TalentPool", "false"))));

        Assert.Matches("<input type=\"checkbox\"[^>]*name=\"Input.Consent.TalentPool\"", ticked);
        Assert.Contains("<label for=\"Input_Consent_TalentPool\">Le candidat accepte la publication d'une fiche anonyme dans le vivier des entreprises adhérentes</label>", ticked, StringComparison.Ordinal);
        var posts = site.Stub.ApiRequests.Where(request => request.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        using (var body = JsonDocument.Parse(posts[0].Body))
        {
            var consent = body.RootElement.GetProperty("consent");
            Assert.True(consent.GetProperty("talentPool").GetBoolean());
            // Separate from the promotion on LinkedIn, which was not ticked.
            Assert.False(consent.GetProperty("socialNetworkPromotion").GetBoolean());
        }

        using (var body = JsonDocument.Parse(posts[1].Body))
        {
            Assert.False(body.RootElement.GetProperty("consent").GetProperty("talentPool").GetBoolean());
            Assert.True(body.RootElement.GetProperty("consent").GetProperty("socialNetworkPromotion").GetBoolean());
        }
    }

    [Fact]
    public async Task Without_the_candidates_information_the_form_is_not_sent()
    {
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        var response = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form, ("Input.Consent.Informed", "false"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Consent_Informed-erreur\">Cochez cette case : le candidat doit avoir été informé des « Conditions d'utilisation des données personnelles des candidats » avant le dépôt de son dossier.</span>", page, StringComparison.Ordinal);
        Assert.Equal("Dupont", HiddenValue(page, "Input.Identification.LastName"));
    }

    [Fact]
    public async Task The_apis_messages_show_beside_their_fields_and_what_was_typed_is_kept()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["identification.email"] = ["Le courriel n'est pas une adresse valide (par exemple prenom.nom@exemple.fr)."],
                    ["identification.address.postalCode"] = ["Le code postal doit compter cinq chiffres (par exemple 67000)."],
                    // The second skill sent is the grid's third row.
                    ["profile.skills[1].level"] = ["Le niveau d'une langue doit être l'un de : « A1 », « A2 », « B1 », « B2 », « C1 », « C2 »."],
                    ["project.mobility.departements[1]"] = ["Le département « Ailleurs » n'est pas dans la liste."],
                    ["project.expectedAnnualGrossSalaryCents"] = ["La prétention salariale (brut annuel, en centimes d'euro) doit être comprise entre 0 et 1 000 000 €."],
                    ["consent.noticeVersion"] = ["La version « 1999-01 » des conditions d'utilisation n'existe pas ; versions publiées : 2026-12."],
                    ["adviser.email"] = ["Le courriel du conseiller n'est pas une adresse valide."],
                    ["Idempotency-Key"] = ["L'en-tête Idempotency-Key doit être une seule valeur de 1 à 200 caractères (un UUID, par exemple)."],
                },
            })
            : NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        var response = await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form,
            ("Input.Identification.Email", "elodie@"), ("Input.Identification.Address.PostalCode", "6700"), ("Input.Adviser.Email", "marc@"),
            ("Input.Project.ExpectedAnnualGrossSalaryEuros", "2000000"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Identification_Email-erreur\">Le courriel n'est pas une adresse valide (par exemple prenom.nom@exemple.fr).</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Identification_Email\">Le courriel n'est pas une adresse valide (par exemple prenom.nom@exemple.fr).</a></li>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*name=\"Input.Identification.Email\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Identification_Address_PostalCode-erreur\">Le code postal doit compter cinq chiffres (par exemple 67000).</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Profile_Skills_2__Level-erreur\">Le niveau d'une langue doit être l'un de", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Project_Mobility_Departements-erreur\">Le département « Ailleurs » n'est pas dans la liste.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Project_ExpectedAnnualGrossSalaryEuros-erreur\">La prétention salariale", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Consent_Informed-erreur\">La version « 1999-01 »", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Adviser_Email-erreur\">Le courriel du conseiller n'est pas une adresse valide.</span>", page, StringComparison.Ordinal);
        // A key the form has no field for: in the summary at the top.
        Assert.Contains("<li>L'en-tête Idempotency-Key doit être une seule valeur de 1 à 200 caractères (un UUID, par exemple).</li>", page, StringComparison.Ordinal);
        Assert.Contains("Le formulaire contient 8 erreurs", page, StringComparison.Ordinal);

        // Everything typed is still there, and the form keeps its key.
        Assert.Equal("elodie@", HiddenValue(page, "Input.Identification.Email"));
        Assert.Equal("Élodie", HiddenValue(page, "Input.Identification.FirstName").Trim());
        Assert.Equal("6700", HiddenValue(page, "Input.Identification.Address.PostalCode"));
        Assert.Equal("2000000", HiddenValue(page, "Input.Project.ExpectedAnnualGrossSalaryEuros"));
        Assert.Equal("Anglais", HiddenValue(page, "Input.Profile.Skills[2].Name"));
        var level = page.IndexOf("name=\"Input.Profile.Skills[2].Level\"", StringComparison.Ordinal);
        Assert.True(level > 0);
        Assert.Matches("<option[^>]*selected=\"selected\"[^>]*>B2</option>", page[level..page.IndexOf("</select>", level, StringComparison.Ordinal)]);
        Assert.Contains($"name=\"Input.Context.Situations\" value=\"{CandidateForm.Reconversion}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Project.Mobility.Departements\" value=\"{CandidateForm.Departements[1]}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"Input.Project.Mobility.Departements\" value=\"{CandidateForm.Departements[2]}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*name=\"Input.Profile.SoftSkills\"[^>]*>\\s*Rigueur\\s+Travail en équipe\\s*</textarea>", page);
        Assert.Matches("<input(?=[^>]*name=\"Input.Consent.SocialNetworkPromotion\")(?=[^>]*checked=\"checked\")", page);
        Assert.Matches("<input(?=[^>]*name=\"Input.Consent.Informed\")(?=[^>]*checked=\"checked\")", page);
        Assert.Equal(HiddenValue(form, "IdempotencyKey"), HiddenValue(page, "IdempotencyKey"));
        Assert.Equal("marc@", HiddenValue(page, "Input.Adviser.Email"));
    }

    [Fact]
    public async Task A_key_already_used_with_other_values_is_said_and_the_form_gets_a_new_key()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(422, new { title = "Clé d'idempotence déjà utilisée.", status = 422, detail = "Cette clé Idempotency-Key a déjà servi pour une autre requête." })
            : NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var form = await (await client.GetAsync(NewDossierPage)).ReadPageAsync();

        var page = await (await client.PostAsync(NewDossierPage, new FormUrlEncodedContent(TypedDossier(form)))).ReadPageAsync();

        Assert.Contains("Ce formulaire a déjà été envoyé avec d'autres valeurs", page, StringComparison.Ordinal);
        Assert.NotEqual(HiddenValue(form, "IdempotencyKey"), HiddenValue(page, "IdempotencyKey"));
        Assert.Equal("Dupont", HiddenValue(page, "Input.Identification.LastName"));
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetString()!)];

    private static string Skill(JsonElement skill) =>
        $"{skill.GetProperty("kind").GetString()}|{skill.GetProperty("name").GetString()}|{skill.GetProperty("level").GetString()}";

    // — A dossier's page —

    [Fact]
    public async Task The_submitter_sees_the_contents_the_adviser_the_history_and_the_documents_with_their_forms()
    {
        site.Stub.Api = DossierApi();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");

        var response = await client.GetAsync(DossierPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{Api}/{DossierId}", $"{Api}/{DossierId}/history", $"{Api}/{DossierId}/documents"],
            site.Stub.ApiRequests.Select(request => request.PathAndQuery));
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer partner-token", request.Authorization));
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Dossier 2026-000042 : Élodie Dupont</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>En analyse (depuis le 05/12/2026 à 10:00)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Relation</dt><dd>Déposé par votre organisme</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Territoire</dt><dd>Alsace</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Déposé le</dt><dd>03/12/2026 à 10:00</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Paula Partenaire (<a href=\"mailto:paula@agence.fr\">paula@agence.fr</a>)", page, StringComparison.Ordinal);
        // The contents.
        Assert.Contains("<dt>Matricule chez le partenaire</dt><dd>FT-1234</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Date de naissance</dt><dd>12/05/1990</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Technique</td><td>JavaScript</td><td>Pratique</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>35\u00A0000\u00A0€</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Accord pour la promotion de son profil sur LinkedIn</dt><dd>Oui</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Accord pour la publication d'une fiche anonyme dans le vivier</dt><dd>Oui</dd>", page, StringComparison.Ordinal);
        // The history: date, from, to, by, why.
        Assert.Matches("<td>05/12/2026 à 10:00</td>\\s*<td>Déposé</td>\\s*<td>En analyse</td>\\s*<td>Claire Membre</td>\\s*<td class=\"motif\">Prise en charge.</td>", page);
        Assert.Matches("<td>03/12/2026 à 10:00</td>\\s*<td>—</td>\\s*<td>Déposé</td>\\s*<td>Paula Partenaire</td>", page);
        // The documents, each to download or remove.
        Assert.Matches(
            $"<td>Curriculum Vitae</td>\\s*<td><a href=\"{DossierPage}/documents/{DocumentId}\" download>cv-élodie.pdf</a></td>\\s*<td>118 Ko</td>\\s*<td>04/12/2026 à 10:00</td>\\s*<td>Paula Partenaire</td>\\s*<td><a href=\"{DossierPage}/documents/{DocumentId}/supprimer\"",
            page);
        Assert.Contains("1 document sur 50 au plus ; 118 Ko sur 20 Mo au plus pour le dossier.", page, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.All(CandidateForm.DocumentKinds, kind => Assert.Contains($"<option>{kind}</option>", page, StringComparison.Ordinal));
        Assert.Contains("image PNG ou JPEG ; 5 Mo au plus.", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"retrait\">Retirer le dossier</h2>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Withdrawal.Reason\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("seul l'organisme qui l'a déposé", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_once_in_the_pool_shows_the_companies_follow_up_sheets_read_only()
    {
        var history = new object[]
        {
            new { from = (string?)null, to = "submitted", toLabel = "Déposé", at = Submitted, by = "Paula Partenaire", reason = (string?)null },
            new { from = (string?)"employable", to = "published", toLabel = "Publié dans le vivier", at = Submitted.AddDays(5), by = "Paul Pilote", reason = (string?)null },
            new { from = (string?)"in_recruitment", to = "hired", toLabel = "Recruté", at = Submitted.AddDays(20), by = "Rita Recruteuse (Est Logiciels)", reason = (string?)"Recruté par Est Logiciels en CDI." },
        };
        var sheets = new object[]
        {
            new
            {
                interestId = Guid.NewGuid(), organisationName = "Est Logiciels", status = "hired", statusLabel = "Candidat recruté",
                openedAt = Submitted.AddDays(10), lastNewsAt = Submitted.AddDays(20),
                entries = new object[]
                {
                    new
                    {
                        id = 7L, kind = "hire", kindLabel = "Recrutement", date = "2026-12-23", interviewKind = (string?)null, outcome = "Période d'essai de deux mois.",
                        contractType = "CDI", startDate = "2027-01-04", reason = (string?)null, author = "Rita Recruteuse", recordedAt = Submitted.AddDays(20),
                    },
                },
            },
        };
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{DossierId}" => new StubAnswer(200, Dossier("follower", "hired", "Recruté")),
            ("GET", var path) when path == $"{Api}/{DossierId}/history" => new StubAnswer(200, history),
            ("GET", var path) when path == $"{Api}/{DossierId}/follow-ups" => new StubAnswer(200, sheets),
            _ => NotFound(),
        };
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        var request = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery == $"{Api}/{DossierId}/follow-ups");
        Assert.Equal("Bearer partner-token", request.Authorization);
        Assert.Contains("<h2 id=\"suivi\">Fiches de suivi</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Est Logiciels — Candidat recruté</h3>", page, StringComparison.Ordinal);
        Assert.Matches("<td>23/12/2026</td>\\s*<td>Recrutement</td>\\s*<td class=\"motif\">CDI, embauche le 04/01/2027 — Période d'essai de deux mois.</td>\\s*<td>Rita Recruteuse</td>", page);
        Assert.DoesNotContain("<form method=\"post\" action=\"/espace-membre/dossiers", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follower_sees_the_status_and_the_history_but_neither_the_contents_nor_the_documents()
    {
        site.Stub.Api = DossierApi("follower");
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var response = await client.GetAsync(DossierPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{Api}/{DossierId}", $"{Api}/{DossierId}/history"], site.Stub.ApiRequests.Select(request => request.PathAndQuery));
        var page = await response.ReadPageAsync();
        Assert.Contains("<dt>Statut</dt><dd>En analyse (depuis le 05/12/2026 à 10:00)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Relation</dt><dd>Suivi</dd>", page, StringComparison.Ordinal);
        Assert.Contains("seul l'organisme qui l'a déposé en voit le contenu et les documents.", page, StringComparison.Ordinal);
        Assert.Matches("<td>Déposé</td>\\s*<td>En analyse</td>\\s*<td>Claire Membre</td>", page);
        Assert.DoesNotContain("Identification du candidat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"documents\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("multipart/form-data", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawal.Reason", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_dossier_offers_neither_upload_nor_withdrawal_but_still_lists_its_documents()
    {
        site.Stub.Api = DossierApi(code: "withdrawn");
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("<dt>Statut</dt><dd>Retiré", page, StringComparison.Ordinal);
        Assert.Contains("cv-élodie.pdf</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("multipart/form-data", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawal.Reason", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/documents/0193a0b1-0000-7000-8000-0000000000f1")]
    [InlineData("/documents/0193a0b1-0000-7000-8000-0000000000f1/supprimer")]
    public async Task A_dossier_of_another_organisation_gets_the_404_page(string rest)
    {
        site.Stub.Api = _ => NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var response = await client.GetAsync(DossierPage + rest);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(site.Stub.ApiRequests);
    }

    // — Documents —

    private static async Task<(string Page, MultipartFormDataContent Form)> UploadFormAsync(HttpClient client, string kind, string fileName, byte[] bytes)
    {
        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(HiddenValue(page, "Upload.Key")), "Upload.Key" },
            { new StringContent(kind), "Upload.Kind" },
            { file, "Upload.File", fileName },
        };
        return (page, form);
    }

    [Fact]
    public async Task An_upload_is_sent_on_as_the_apis_multipart_form_with_its_key()
    {
        site.Stub.Api = DossierApi(write: request => request.Method == "POST" ? new StubAnswer(201, new
        {
            id = Guid.NewGuid(), dossierId = DossierId, kind = "Lettre de motivation", fileName = "lettre.pdf", contentType = "application/pdf",
            size = 24L, sha256 = new string('b', 64), uploadedAt = Submitted, uploadedByClientId = (string?)null,
        }) : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");
        var (page, form) = await UploadFormAsync(client, "Lettre de motivation", "lettre.pdf", "%PDF-1.7 une lettre"u8.ToArray());
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync($"{DossierPage}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=document-ajoute#documents", response.Headers.Location?.ToString());
        var upload = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("POST", upload.Method);
        Assert.Equal($"{Api}/{DossierId}/documents", upload.PathAndQuery);
        Assert.Equal("Bearer partner-token", upload.Authorization);
        Assert.StartsWith("multipart/form-data; boundary=", upload.ContentType, StringComparison.Ordinal);
        Assert.Equal(HiddenValue(page, "Upload.Key"), upload.Header("Idempotency-Key"));
        // Exactly the API's two fields: « kind » and « file », with the file's name and bytes.
        Assert.Matches("Content-Disposition: form-data; name=\"?kind\"?\\r\\n(.*\\r\\n)*\\r\\nLettre de motivation\\r\\n", upload.Body);
        Assert.Matches("Content-Disposition: form-data; name=\"?file\"?; filename=\"?lettre.pdf\"?", upload.Body);
        Assert.Contains("\r\n\r\n%PDF-1.7 une lettre\r\n", upload.Body, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(upload.Body, "Content-Disposition: form-data").Count);

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Le document est joint au dossier.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_file_shows_the_apis_message_beside_the_file_and_keeps_the_kind()
    {
        const string Refused = "Ce fichier n'est pas accepté : seuls les PDF, les documents Word (DOCX) ou OpenDocument (ODT) et les images PNG ou JPEG sont acceptés.";
        site.Stub.Api = DossierApi(write: request => request.Method == "POST"
            ? new StubAnswer(400, new { title = "La demande contient des erreurs.", status = 400, errors = new Dictionary<string, string[]> { ["file"] = [Refused] } })
            : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var (_, form) = await UploadFormAsync(client, "Diplôme", "diplome.exe", "MZ programme"u8.ToArray());

        var response = await client.PostAsync($"{DossierPage}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Upload_File-erreur\">{Refused}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Upload_File\">{Refused}</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("<option selected=\"selected\">Diplôme</option>", page, StringComparison.Ordinal);
        // The dossier is shown again around the form.
        Assert.Contains("<h1>Dossier 2026-000042 : Élodie Dupont</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_heavy_file_shows_the_apis_413_message_beside_the_file()
    {
        const string TooHeavy = "Un document ne doit pas dépasser 5 Mo.";
        site.Stub.Api = DossierApi(write: request => request.Method == "POST"
            ? new StubAnswer(413, new { title = "Trop volumineux.", status = 413, detail = TooHeavy })
            : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var (_, form) = await UploadFormAsync(client, "Curriculum Vitae", "cv.pdf", "%PDF-1.7 un gros CV"u8.ToArray());

        var page = await (await client.PostAsync($"{DossierPage}?handler=Upload", form)).ReadPageAsync();

        Assert.Contains($"<span class=\"erreur-champ\" id=\"Upload_File-erreur\">{TooHeavy}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_file_or_a_kind_is_not_sent()
    {
        site.Stub.Api = DossierApi();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync($"{DossierPage}?handler=Upload", new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(""), "Upload.Kind" },
        });

        var after = await response.ReadPageAsync();
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Upload_Kind-erreur\">Choisissez le type du document.</span>", after, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Upload_File-erreur\">Choisissez le fichier à joindre au dossier.</span>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_far_over_the_apis_limit_is_not_read_and_says_so_beside_the_file()
    {
        site.Stub.Api = DossierApi();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var (_, form) = await UploadFormAsync(client, "Curriculum Vitae", "cv.pdf", new byte[8 * 1024 * 1024 + 1]);
        site.Stub.ApiRequests.Clear();

        var response = await client.PostAsync($"{DossierPage}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=trop-volumineux", response.Headers.Location?.ToString());
        Assert.Empty(site.Stub.ApiRequests);
        var page = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Upload_File-erreur\">Le fichier envoyé dépasse 8 Mo : il n'a pas été joint au dossier.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_is_downloaded_through_the_site_with_its_type_and_name()
    {
        var bytes = "%PDF-1.7 le CV d'Élodie"u8.ToArray();
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{DossierId}/documents/{DocumentId}"
            ? StubAnswer.File(bytes, "application/pdf") with
            {
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=cv-elodie.pdf; filename*=UTF-8''cv-%C3%A9lodie.pdf" },
            }
            : NotFound();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner], accessToken: "partner-token");

        var response = await client.GetAsync($"{DossierPage}/documents/{DocumentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer partner-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cv-élodie.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_document_of_another_type_than_the_accepted_ones_is_sent_as_bytes()
    {
        site.Stub.Api = _ => StubAnswer.File("<script>alert(1)</script>"u8.ToArray(), "text/html");
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);

        var response = await client.GetAsync($"{DossierPage}/documents/{DocumentId}");

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Removing_a_document_asks_for_confirmation_then_deletes_it()
    {
        site.Stub.Api = DossierApi(write: request => request.Method == "DELETE" ? new StubAnswer(204) : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var deletePage = $"{DossierPage}/documents/{DocumentId}/supprimer";

        var confirmation = await (await client.GetAsync(deletePage)).ReadPageAsync();

        Assert.Contains("<h1>Supprimer « cv-élodie.pdf »</h1>", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "DELETE");
        var response = await client.PostAsync(deletePage, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(confirmation))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=document-supprime#documents", response.Headers.Location?.ToString());
        Assert.Equal($"{Api}/{DossierId}/documents/{DocumentId}", site.Stub.ApiRequests.Single(request => request.Method == "DELETE").PathAndQuery);
    }

    // — Withdrawal —

    [Fact]
    public async Task A_withdrawal_without_a_reason_is_not_sent()
    {
        site.Stub.Api = DossierApi();
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        var response = await client.PostAsync($"{DossierPage}?handler=Withdraw", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page)),
            KeyValuePair.Create("Withdrawal.Key", HiddenValue(page, "Withdrawal.Key")),
            KeyValuePair.Create("Withdrawal.Reason", "   "),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        var after = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Withdrawal_Reason-erreur\">Indiquez pourquoi le dossier est retiré.</span>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_with_its_reason_is_posted_and_a_refusal_is_shown_beside_the_reason()
    {
        var answers = new Queue<StubAnswer>(
        [
            new StubAnswer(200, Dossier(code: "withdrawn", label: "Retiré")),
            new StubAnswer(409, new { title = "Changement de statut impossible.", status = 409, detail = "Ce dossier est « Retiré » : il ne peut plus changer de statut." }),
        ]);
        site.Stub.Api = DossierApi(write: request => request.Method == "POST" ? answers.Dequeue() : NotFound());
        using var client = await site.SignInAsync("Paula Partenaire", [Partner]);
        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        var withdrawal = () => client.PostAsync($"{DossierPage}?handler=Withdraw", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(page)),
            KeyValuePair.Create("Withdrawal.Key", HiddenValue(page, "Withdrawal.Key")),
            KeyValuePair.Create("Withdrawal.Reason", " Le candidat a trouvé un emploi. "),
        ]));

        var done = await withdrawal();
        var refused = await withdrawal();

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"{DossierPage}?etat=retire#historique", done.Headers.Location?.ToString());
        var post = site.Stub.ApiRequests.First(request => request.Method == "POST");
        Assert.Equal($"{Api}/{DossierId}/withdrawal", post.PathAndQuery);
        Assert.Equal(HiddenValue(page, "Withdrawal.Key"), post.Header("Idempotency-Key"));
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("Le candidat a trouvé un emploi.", body.RootElement.GetProperty("reason").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Withdrawal_Reason-erreur\">Ce dossier est « Retiré » : il ne peut plus changer de statut.</span>",
            await refused.ReadPageAsync(), StringComparison.Ordinal);
    }
}
