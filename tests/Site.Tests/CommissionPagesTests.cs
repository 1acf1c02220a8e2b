using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>The AAR commissions' pages: the work queue, a dossier's page, and the administrators' « Commissions ».</summary>
[Collection(SiteCollection.Name)]
public sealed class CommissionPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/commission/dossiers";

    internal static readonly Guid DossierId = Guid.Parse("0193a0b1-0000-7000-8000-000000000001");

    private static readonly string DossierPage = $"/espace-membre/commission/dossiers/{DossierId}";

    private static readonly Guid DocumentId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000d1");

    internal static readonly DateTimeOffset Submitted = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => site.Stub.Reset();

    private static object Status(string code, string label) => new { code, label, since = Submitted.AddDays(2) };

    private static object QueueItem(Guid id, string number, string lastName, bool inactive, int idle) => new
    {
        id, number, firstName = "Jonas", lastName, territory = "Lorraine", status = Status("in_analysis", "En analyse"),
        submittedAt = Submitted, lastActivityAt = Submitted.AddDays(1), daysWithoutActivity = idle, inactive,
    };

    private static object Page(object[] items, int page = 1, int total = -1) =>
        new { items, page, pageSize = 20, total = total < 0 ? items.Length : total };

    private static object Skill(string kind, string name, string level) => new { kind, name, level };

    /// <summary>A dossier as <c>GET …/commission/dossiers/{id}</c> answers, in analysis unless told.</summary>
    internal static object Dossier(
        string code = "in_analysis", string label = "En analyse", object[]? next = null, bool healthShown = false, bool talentPool = false,
        object[]? commitments = null, object[]? requests = null, object[]? pendingAttachments = null) => new
    {
        id = DossierId, number = "2026-000042", status = Status(code, label), territory = "Lorraine", accompanimentPlan = (string?)null,
        submittedAt = Submitted, updatedAt = Submitted.AddDays(2),
        content = new
        {
            identification = new
            {
                firstName = "Jonas", lastName = "Muller", partnerReference = "APEC-778",
                address = new { street = "3 place Stanislas", complement = (string?)null, postalCode = "57000", city = "Metz" },
                email = "jonas.muller@exemple.fr", phone = "+33387123456", birthDate = "1971-03-08",
            },
            context = new { ageBand = "50 ans et plus", complementaryActivity = (string?)null, situations = new[] { "Senior" } },
            profile = new
            {
                skills = new[] { Skill("Méthodologique", "Gestion de projet", "Expertise") }, softSkills = new[] { "Rigueur" },
                qualificationLevel = "Niveau 7 (bac+5 : master, diplôme d'ingénieur)", diploma = (string?)null, experienceYears = 25,
                experience = (string?)null,
            },
            project = new
            {
                targetJobs = new[] { "Chef de projet informatique" }, companyTypes = Array.Empty<string>(), contractTypes = new[] { "CDI" },
                expectedAnnualGrossSalaryCents = 4_500_000, mobility = new { departements = Array.Empty<string>(), maximumDistanceKm = 30 },
                skillsDevelopment = (string?)null,
            },
            consent = new { noticeVersion = "2026-12", socialNetworkPromotion = false, informedAt = Submitted, talentPool },
        },
        healthDataShown = healthShown,
        analyses = new[]
        {
            new
            {
                id = Guid.NewGuid(), kind = "cv_analysis", kindLabel = "Analyse du CV", skills = new[] { Skill("Technique", "C#", "Pratique") },
                strengths = "Parcours solide", pointsToWork = (string?)null, text = "Profil prometteur.", author = "Claire Membre", at = Submitted.AddDays(2),
            },
        },
        recommendations = new[]
        {
            new { id = Guid.NewGuid(), topic = "job_search", topicLabel = "Démarche de recherche d'emploi", text = "Cibler les ESN de Moselle.", author = "Paul Pilote", at = Submitted.AddDays(2) },
        },
        history = new[]
        {
            new { from = (string?)null, to = "submitted", toLabel = "Déposé", at = Submitted, by = "Système du partenaire (apec)", reason = (string?)null },
            new { from = (string?)"submitted", to = "in_analysis", toLabel = "En analyse", at = Submitted.AddDays(2), by = "Claire Membre", reason = (string?)"Prise en charge." },
        },
        documents = new[]
        {
            new
            {
                id = DocumentId, dossierId = DossierId, kind = "Curriculum Vitae", fileName = "cv-jonas.pdf", contentType = "application/pdf",
                size = 120_832L, sha256 = new string('a', 64), uploadedAt = Submitted, uploadedByClientId = "apec", uploadedBy = "Système du partenaire (apec)",
            },
        },
        nextStatuses = next ?? new object[]
        {
            new { code = "advice_interview_planned", label = "Entretien conseil planifié" },
            new { code = "not_retained", label = "Non retenu" },
            new { code = "withdrawn", label = "Retiré" },
            new { code = "closed", label = "Clôturé" },
        },
        commitments = commitments ?? [],
        requests = requests ?? [],
        pendingAttachments = pendingAttachments ?? [],
    };

    private static StubAnswer DossierOr(StubRequest request, Func<StubRequest, StubAnswer> post) =>
        request.Method == "GET" && request.PathAndQuery == $"{Api}/{DossierId}"
            ? new StubAnswer(200, Dossier())
            : request.Method == "POST" ? post(request) : new StubAnswer(404, new { title = "Introuvable.", status = 404 });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(path)).ReadPageAsync();
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    // — The work queue —

    [Fact]
    public async Task The_queue_asks_the_api_with_the_filters_and_flags_the_inactive_dossiers()
    {
        var idle = Guid.NewGuid();
        site.Stub.Api = _ => new StubAnswer(200, Page([QueueItem(idle, "2026-000007", "Oublié", true, 16), QueueItem(DossierId, "2026-000042", "Muller", false, 2)], 2, 22));
        using var client = await site.SignInAsync("Claire Membre", ["commission"], accessToken: "commission-token");

        var response = await client.GetAsync("/espace-membre/commission?territoire=Lorraine&statut=in_analysis&sans-activite=true&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Api}?territory=Lorraine&status=in_analysis&inactive=true&page=2&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer commission-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>File de travail</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/espace-membre/commission/dossiers/{idle}\">2026-000007</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{DossierPage}\">2026-000042</a>", page, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"en-retard\">", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"retard\"><span aria-hidden=\"true\">⚠ </span>Sans activité depuis 16 jours</strong>", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"retard\""));
        Assert.Contains("<td>Jonas Oublié</td>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Lorraine\" selected=\"selected\">Lorraine</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"in_analysis\" selected=\"selected\">En analyse</option>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"sans-activite\" value=\"true\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?territoire=Lorraine&statut=in_analysis&sans-activite=true&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", page, StringComparison.Ordinal);
        // A member sees only their own territories: no « outside every territory » choice.
        Assert.Contains("<option value=\"\">Tous mes territoires</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"aucun\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_filters_the_queue_asks_for_every_territory_of_the_person_and_an_admin_may_ask_for_those_outside()
    {
        site.Stub.Api = _ => new StubAnswer(200, Page([]));
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var page = await (await client.GetAsync("/espace-membre/commission")).ReadPageAsync();

        Assert.Equal($"{Api}?page=1&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("Aucun dossier ne correspond à ces critères.", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"aucun\">Hors territoire (à répartir)</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_the_api_refuses_shows_its_message_beside_the_filter()
    {
        site.Stub.Api = _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]> { ["territory"] = ["Vous n'êtes pas membre de la commission de ce territoire."] },
        });
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await client.GetAsync("/espace-membre/commission?territoire=Alsace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Territory-erreur\">Vous n'êtes pas membre de la commission de ce territoire.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Territory\">Vous n'êtes pas membre de la commission de ce territoire.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Territory\" name=\"territoire\" aria-invalid=\"true\"\\s+aria-describedby=\"Territory-erreur\">", page);
    }

    // — A dossier's page —

    [Fact]
    public async Task The_dossier_page_shows_its_contents_history_analyses_recommendations_and_forms()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Claire Membre", ["commission"], accessToken: "commission-token");

        var response = await client.GetAsync(DossierPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer commission-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Dossier 2026-000042 : Jonas Muller</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Statut</dt><dd>En analyse (depuis le 05/11/2026 à 10:00)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Matricule chez le partenaire</dt><dd>APEC-778</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Date de naissance</dt><dd>08/03/1971</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Méthodologique</td><td>Gestion de projet</td><td>Expertise</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>45\u00A0000\u00A0€</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>30 km</dd>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/candidats/donnees-personnelles/2026-12\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("RQTH/BOE est une donnée de santé", page, StringComparison.Ordinal);

        // The history: who, when, from which status to which, and why.
        Assert.Contains("<td>Système du partenaire (apec)</td>", page, StringComparison.Ordinal);
        Assert.Matches("<td>05/11/2026 à 10:00</td>\\s*<td>Claire Membre</td>\\s*<td>Déposé</td>\\s*<td>En analyse</td>\\s*<td class=\"motif\">Prise en charge.</td>", page);
        // Analyses and recommendations with their authors.
        Assert.Contains("<h3>Analyse du CV</h3>", page, StringComparison.Ordinal);
        Assert.Contains("Signée par Claire Membre le 05/11/2026 à 10:00", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Technique</td><td>C#</td><td>Pratique</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("Écrite par Paul Pilote le 05/11/2026 à 10:00", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"motif\">Cibler les ESN de Moselle.</p>", page, StringComparison.Ordinal);

        // The forms: analysis (kind, a grid of 5 rows, levels of both scales), recommendation, and the next statuses.
        Assert.Contains("<label class=\"inline\" for=\"Analysis_Kind-1\">Compte-rendu d'entretien conseil</label>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Analysis.Skills[4].Name\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Analysis.Skills[5].Name\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Compétence 1 : niveau\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Maîtrise\">Maîtrise</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"C2\">C2</option>", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Recommendation_Topic-0\">Projet professionnel</label>", page, StringComparison.Ordinal);
        Assert.Contains("<legend>Nouveau statut *</legend>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"advice_interview_planned\"", page, StringComparison.Ordinal);
        Assert.Contains(">Entretien conseil planifié</label>", page, StringComparison.Ordinal);
        Assert.Contains(">Clôturé</label>", page, StringComparison.Ordinal);
        // No accompaniment plan to choose from this status.
        Assert.DoesNotContain("Move.Plan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_data_shown_to_a_pilot_says_so_and_an_accompaniment_plan_is_chosen_with_its_decision()
    {
        site.Stub.Api = _ => new StubAnswer(200, Dossier("advice_interview_planned", "Entretien conseil planifié", healthShown: true, next:
        [
            new { code = "employable", label = "Qualifié employable" },
            new { code = "accompaniment_plan_needed", label = "Plan d'accompagnement nécessaire" },
        ]));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("RQTH/BOE est une donnée de santé", page, StringComparison.Ordinal);
        Assert.Contains("<legend>Plan d'accompagnement</legend>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"PIADC\"", page, StringComparison.Ordinal);
        Assert.Contains("PIADC — Plan Individuel d'Adaptation et de Développement des Compétences", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_a_dossier_into_analysis_posts_the_move_and_comes_back_to_its_history()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(200, Status("advice_interview_planned", "Entretien conseil planifié")));
        using var client = await site.SignInAsync("Claire Membre", ["commission"], accessToken: "commission-token");

        var response = await PostAsync(client, DossierPage, "Move", ("Move.To", "advice_interview_planned"), ("Move.Reason", "  "), ("Move.Plan", "APE"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=statut#historique", response.Headers.Location?.ToString());
        var move = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{Api}/{DossierId}/transitions", move.PathAndQuery);
        Assert.Equal("Bearer commission-token", move.Authorization);
        using var body = JsonDocument.Parse(move.Body);
        Assert.Equal("advice_interview_planned", body.RootElement.GetProperty("to").GetString());
        // A blank reason is no reason; a plan goes only with « Plan d'accompagnement nécessaire ».
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("plan").ValueKind);

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Le nouveau statut du dossier est enregistré.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_by_a_member_who_is_not_a_pilot_is_a_message_beside_the_choice_not_an_error_page()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(403, new
        {
            title = "Accès refusé.", status = 403,
            detail = "« Non retenu » est une décision : seul un pilote de la commission Lorraine la prend.",
        }));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Move", ("Move.To", "not_retained"), ("Move.Reason", "Projet trop éloigné du numérique."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Move_To-erreur\">« Non retenu » est une décision : seul un pilote de la commission Lorraine la prend.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Move_To\">« Non retenu » est une décision : seul un pilote de la commission Lorraine la prend.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"not_retained\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("Projet trop éloigné du numérique.</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Accès refusé", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_field_errors_on_a_decision_show_beside_the_fields()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]> { ["reason"] = ["Une décision s'accompagne de son motif."] },
        }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Move", ("Move.To", "not_retained"))).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Move_Reason-erreur\">Une décision s'accompagne de son motif.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*aria-describedby=\"Move_Reason-aide Move_Reason-erreur\"", page);
    }

    [Fact]
    public async Task A_move_without_a_status_is_refused_without_calling_the_api()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Move", ("Move.Reason", "Pourquoi pas."))).ReadPageAsync();

        Assert.Contains("<span class=\"erreur-champ\" id=\"Move_To-erreur\">Choisissez le nouveau statut du dossier.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task A_cv_analysis_sends_the_rows_typed_and_the_apis_message_about_a_skill_shows_on_its_row()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]> { ["skills[1].level"] = ["Le niveau d'une langue doit être l'un de : A1, A2, B1, B2, C1, C2."] },
        }));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Analysis",
            ("Analysis.Kind", "cv_analysis"),
            ("Analysis.Skills[0].Kind", "Technique"), ("Analysis.Skills[0].Name", " C# "), ("Analysis.Skills[0].Level", "Pratique"),
            ("Analysis.Skills[1].Kind", ""), ("Analysis.Skills[1].Name", ""), ("Analysis.Skills[1].Level", ""),
            ("Analysis.Skills[2].Kind", "Langue"), ("Analysis.Skills[2].Name", "Anglais"), ("Analysis.Skills[2].Level", "Maîtrise"),
            ("Analysis.Strengths", "Parcours solide"), ("Analysis.Text", "Profil prometteur."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{Api}/{DossierId}/analyses", sent.PathAndQuery);
        using (var body = JsonDocument.Parse(sent.Body))
        {
            Assert.Equal("cv_analysis", body.RootElement.GetProperty("kind").GetString());
            var skills = body.RootElement.GetProperty("skills").EnumerateArray().ToList();
            Assert.Equal(2, skills.Count);
            Assert.Equal("C#", skills[0].GetProperty("name").GetString());
            Assert.Equal("Anglais", skills[1].GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("pointsToWork").ValueKind);
        }

        var page = await response.ReadPageAsync();
        // The second skill sent was the grid's third row.
        Assert.Contains("<span class=\"erreur-champ\" id=\"Analysis_Skills_2__Level-erreur\">Le niveau d'une langue doit être l'un de : A1, A2, B1, B2, C1, C2.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Analysis_Skills_2__Level\">", page, StringComparison.Ordinal);
        Assert.Matches("<select[^>]*aria-label=\"Compétence 3 : niveau\"[^>]*aria-invalid=\"true\"|<select[^>]*aria-invalid=\"true\"[^>]*aria-label=\"Compétence 3 : niveau\"", page);
        Assert.Contains("value=\"Anglais\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Maîtrise\" selected=\"selected\">Maîtrise</option>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"cv_analysis\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("Parcours solide</textarea>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recommendation_is_posted_and_signed_by_the_api()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(201, new
        {
            id = Guid.NewGuid(), topic = "professional_project", topicLabel = "Projet professionnel", text = "Viser la gestion de projet.",
            author = "Claire Membre", at = Submitted,
        }));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Recommendation",
            ("Recommendation.Topic", "professional_project"), ("Recommendation.Text", "Viser la gestion de projet."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=recommandation#recommandations", response.Headers.Location?.ToString());
        var sent = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{Api}/{DossierId}/recommendations", sent.PathAndQuery);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("professional_project", body.RootElement.GetProperty("topic").GetString());
        Assert.Equal("Viser la gestion de projet.", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_closed_dossier_shows_no_form()
    {
        site.Stub.Api = _ => new StubAnswer(200, Dossier("closed", "Clôturé", next: []));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("<dt>Statut</dt><dd>Clôturé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/espace-membre/commission", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Signer l'analyse", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dossier_outside_the_persons_territories_gets_the_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Ce dossier n'existe pas." });
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await client.GetAsync(DossierPage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    // — Publishing the candidate's card in the talent pool —

    private static readonly object[] ToThePool = [new { code = "published", label = "Publié dans le vivier" }];

    /// <summary>An employable dossier (whose only next status is the pool), and <paramref name="post"/> for the publication.</summary>
    private static Func<StubRequest, StubAnswer> EmployableOr(Func<StubRequest, StubAnswer> post, bool talentPool = false) => request =>
        request.Method == "GET" && request.PathAndQuery == $"{Api}/{DossierId}"
            ? new StubAnswer(200, Dossier("employable", "Qualifié employable", ToThePool, talentPool: talentPool))
            : request.Method == "POST" ? post(request) : new StubAnswer(404, new { title = "Introuvable.", status = 404 });

    [Theory]
    [InlineData("employable", "Qualifié employable", true)]
    [InlineData("withdrawn_from_pool", "Retiré du vivier", true)]
    [InlineData("published", "Publié dans le vivier", false)]
    [InlineData("advice_interview_planned", "Entretien conseil planifié", false)]
    public async Task The_publication_form_is_offered_for_an_employable_dossier_or_one_withdrawn_from_the_pool(string code, string label, bool offered)
    {
        site.Stub.Api = _ => new StubAnswer(200, Dossier(code, label, code is "employable" or "withdrawn_from_pool" ? ToThePool : null));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Equal(offered, page.Contains("<h2 id=\"vivier\">Publier dans le vivier</h2>", StringComparison.Ordinal));
        Assert.Equal(offered, page.Contains("name=\"Publication.Summary\"", StringComparison.Ordinal));
        // The pool is the publication form's, never a plain move.
        Assert.DoesNotContain("value=\"published\"", page, StringComparison.Ordinal);
        if (offered)
        {
            Assert.Matches($"<form method=\"post\"(?=[^>]*id=\"Publication\")(?=[^>]*action=\"{DossierPage}\\?handler=Publication\")", page);
            Assert.Contains("<label for=\"Publication_Summary\">Résumé des compétences et de l'expérience (sans nom ni coordonnées) *</label>", page, StringComparison.Ordinal);
            Assert.Matches("<input type=\"date\"[^>]*name=\"Publication.AvailableFrom\"", page);
            Assert.Matches("<input type=\"checkbox\"[^>]*name=\"Publication.CandidateAgreed\"", page);
            Assert.Contains("<label for=\"Publication_CandidateAgreed\">Le candidat m'a donné son accord pour la publication de sa fiche anonyme</label>", page, StringComparison.Ordinal);
            Assert.Contains("Le partenaire n'a pas transmis cet accord", page, StringComparison.Ordinal);
            // Nothing else to move to: no « Faire avancer le dossier ».
            Assert.DoesNotContain("<h2 id=\"statut\">", page, StringComparison.Ordinal);
            Assert.Contains("<dt>Accord pour la publication d'une fiche anonyme dans le vivier</dt><dd>Non</dd>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_candidates_consent_sent_with_the_dossier_is_shown_and_makes_the_box_optional()
    {
        site.Stub.Api = EmployableOr(_ => new StubAnswer(500), talentPool: true);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Contains("<dt>Accord pour la publication d'une fiche anonyme dans le vivier</dt><dd>Oui</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Le partenaire a transmis cet accord avec le dossier : la case est facultative.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_posts_the_summary_the_availability_and_the_candidates_agreement_and_comes_back_with_a_message()
    {
        site.Stub.Api = EmployableOr(_ => new StubAnswer(200, new { }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var response = await PostAsync(client, DossierPage, "Publication",
            ("Publication.Summary", "  Développeuse web, dix ans de commerce avant sa reconversion.  "), ("Publication.AvailableFrom", "2027-01-04"),
            ("Publication.CandidateAgreed", "true"), ("Publication.CandidateAgreed", "false"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat=publication#historique", response.Headers.Location?.ToString());
        var post = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{Api}/{DossierId}/publication", post.PathAndQuery);
        Assert.Equal("Bearer pilot-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("Développeuse web, dix ans de commerce avant sa reconversion.", body.RootElement.GetProperty("summary").GetString());
            Assert.Equal("2027-01-04", body.RootElement.GetProperty("availableFrom").GetString());
            Assert.True(body.RootElement.GetProperty("candidateAgreed").GetBoolean());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">La fiche anonyme du candidat est publiée dans le vivier des entreprises adhérentes.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_available_at_once_and_without_the_box_sends_neither_a_date_nor_an_agreement()
    {
        site.Stub.Api = EmployableOr(_ => new StubAnswer(200, new { }), talentPool: true);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        await PostAsync(client, DossierPage, "Publication",
            ("Publication.Summary", "Développeuse web."), ("Publication.AvailableFrom", ""), ("Publication.CandidateAgreed", "false"));

        using var body = JsonDocument.Parse(site.Stub.ApiRequests.Single(request => request.Method == "POST").Body);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("availableFrom").ValueKind);
        Assert.False(body.RootElement.GetProperty("candidateAgreed").GetBoolean());
    }

    [Fact]
    public async Task The_apis_messages_on_a_publication_show_beside_its_fields_and_what_was_typed_is_kept()
    {
        site.Stub.Api = EmployableOr(_ => new StubAnswer(400, new
        {
            title = "La demande contient des erreurs.", status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["summary"] = ["Le résumé contient le nom de famille du candidat : la fiche du vivier est anonyme (prénom seulement, ni nom ni coordonnées)."],
                ["availableFrom"] = ["La date de disponibilité ne peut pas être passée ; laissez-la vide si le candidat est disponible tout de suite."],
            },
        }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Publication",
            ("Publication.Summary", "Jonas Muller, chef de projet."), ("Publication.AvailableFrom", "2026-01-05"),
            ("Publication.CandidateAgreed", "true"), ("Publication.CandidateAgreed", "false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Publication_Summary-erreur\">Le résumé contient le nom de famille du candidat : la fiche du vivier est anonyme (prénom seulement, ni nom ni coordonnées).</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Publication_Summary\">Le résumé contient le nom de famille du candidat", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*aria-describedby=\"Publication_Summary-aide Publication_Summary-erreur\"[^>]*>\\s*Jonas Muller, chef de projet.</textarea>", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Publication_AvailableFrom-erreur\">La date de disponibilité ne peut pas être passée", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"date\"[^>]*aria-invalid=\"true\"[^>]*value=\"2026-01-05\"|<input type=\"date\"[^>]*value=\"2026-01-05\"[^>]*aria-invalid=\"true\"", page);
        Assert.Matches("<input(?=[^>]*name=\"Publication.CandidateAgreed\")(?=[^>]*checked=\"checked\")", page);
    }

    [Fact]
    public async Task A_publication_without_the_candidates_consent_shows_the_apis_409_at_the_top_of_its_form()
    {
        const string NoConsent =
            "Le candidat n'a pas consenti à la publication de sa fiche dans le vivier. S'il vous a donné son accord, indiquez-le (candidateAgreed) : il est consigné au registre des consentements.";
        site.Stub.Api = EmployableOr(_ => new StubAnswer(409, new { title = "Publication impossible.", status = 409, detail = NoConsent }));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Publication", ("Publication.Summary", "Chef de projet."), ("Publication.CandidateAgreed", "false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Publication-erreur\">{NoConsent}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Publication\">{NoConsent}</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("Chef de projet.</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Publication impossible.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_said_beside_its_field_and_nothing_is_published()
    {
        site.Stub.Api = EmployableOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Publication", ("Publication.Summary", "Chef de projet."), ("Publication.AvailableFrom", "bientôt"))).ReadPageAsync();

        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Publication_AvailableFrom-erreur\">La valeur « bientôt » n'est pas valide.</span>", page, StringComparison.Ordinal);
    }

    // — « Entreprises intéressées » —

    private static readonly Guid PendingInterest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e1");

    private static readonly Guid AnsweredInterest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e2");

    private const string InterestsApi = "/api/candidates/commission/interests";

    private static object InterestOf(Guid id, string organisation, string status, string statusLabel) => new
    {
        id, card = (object?)null, organisationName = organisation, recruiterName = "Rita Recruteuse", message = $"{organisation} recrute un chef de projet.",
        status, statusLabel, createdAt = Submitted.AddDays(10), answeredAt = status == "pending" ? (DateTimeOffset?)null : Submitted.AddDays(11),
        answeredBy = status == "pending" ? null : "candidate", contact = (object?)null, documents = Array.Empty<object>(),
    };

    /// <summary>A published dossier, its two interests, and <paramref name="post"/> for an answer.</summary>
    private static Func<StubRequest, StubAnswer> PublishedOr(Func<StubRequest, StubAnswer> post) => request =>
        request.Method == "GET" && request.PathAndQuery == $"{Api}/{DossierId}"
            ? new StubAnswer(200, Dossier("published", "Publié dans le vivier", [new { code = "withdrawn_from_pool", label = "Retiré du vivier" }]))
            : request.Method == "GET" && request.PathAndQuery == $"{Api}/{DossierId}/interests"
                ? new StubAnswer(200, new[]
                {
                    InterestOf(AnsweredInterest, "Numéric Conseil", "declined", "Refusé par le candidat"),
                    InterestOf(PendingInterest, "Est Logiciels", "pending", "En attente de la réponse du candidat"),
                })
                : request.Method == "POST" ? post(request) : new StubAnswer(404, new { title = "Introuvable.", status = 404 });

    [Fact]
    public async Task A_published_dossier_lists_the_interested_companies_with_the_answer_buttons_for_the_pending_ones()
    {
        site.Stub.Api = PublishedOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        var interests = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery == $"{Api}/{DossierId}/interests");
        Assert.Equal("Bearer pilot-token", interests.Authorization);
        Assert.Contains("<h2 id=\"interets\">Entreprises intéressées</h2>", page, StringComparison.Ordinal);
        Assert.Matches(
            "<td>Est Logiciels</td>\\s*<td>Rita Recruteuse</td>\\s*<td class=\"motif\">Est Logiciels recrute un chef de projet.</td>\\s*<td>13/11/2026 à 10:00</td>\\s*<td>\\s*En attente de la réponse du candidat",
            page);
        Assert.Contains("<td>Numéric Conseil</td>", page, StringComparison.Ordinal);
        Assert.Contains("Refusé par le candidat", page, StringComparison.Ordinal);
        // The buttons for the pending interest only.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Le candidat accepte</button>"));
        Assert.Contains($"<input type=\"hidden\" name=\"interestId\" value=\"{PendingInterest}\" />", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{AnsweredInterest}\"", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"agreed\" value=\"false\" class=\"secondary\">Le candidat refuse</button>", page, StringComparison.Ordinal);
        Assert.Matches($"<form method=\"post\" aria-label=\"Réponse du candidat à Est Logiciels\" action=\"{DossierPage}\\?handler=Answer\">", page);
    }

    [Fact]
    public async Task A_dossier_never_published_asks_for_no_interests()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Single(site.Stub.ApiRequests);
        Assert.DoesNotContain("Entreprises intéressées", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true, "accord", "L'accord du candidat est enregistré : l'entreprise reçoit ses coordonnées et ses documents.")]
    [InlineData("false", false, "refus", "Le refus du candidat est enregistré : l'entreprise ne recevra pas ses coordonnées.")]
    public async Task The_pilot_records_the_candidates_answer_and_comes_back_with_a_message(string value, bool agreed, string done, string notice)
    {
        site.Stub.Api = PublishedOr(_ => new StubAnswer(200, InterestOf(PendingInterest, "Est Logiciels", agreed ? "agreed" : "declined", "Répondu")));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var response = await PostAsync(client, DossierPage, "Answer", ("interestId", PendingInterest.ToString()), ("agreed", value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DossierPage}?etat={done}#interets", response.Headers.Location?.ToString());
        var post = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{InterestsApi}/{PendingInterest}/answer", post.PathAndQuery);
        Assert.Equal("Bearer pilot-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal(agreed, body.RootElement.GetProperty("agreed").GetBoolean());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains($"<p class=\"notice\" role=\"status\">{notice}</p>", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409, "Le candidat a déjà répondu à cette entreprise : « Refusé par le candidat ».")]
    [InlineData(403, "Seul un pilote de la commission Lorraine consigne la réponse du candidat.")]
    public async Task A_refused_answer_shows_the_apis_detail_in_the_section(int status, string detail)
    {
        site.Stub.Api = PublishedOr(_ => new StubAnswer(status, new { title = "Refusé.", status, detail }));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await PostAsync(client, DossierPage, "Answer", ("interestId", PendingInterest.ToString()), ("agreed", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Answer-erreur\">{detail}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Answer\">{detail}</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Refusé.", page, StringComparison.Ordinal);
        Assert.Contains("<td>Est Logiciels</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_agreed_is_refused_without_calling_the_api()
    {
        site.Stub.Api = PublishedOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await PostAsync(client, DossierPage, "Answer", ("interestId", PendingInterest.ToString()))).ReadPageAsync();

        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Answer-erreur\">Indiquez si le candidat accepte ou refuse le contact avec l'entreprise.</span>", page, StringComparison.Ordinal);
    }

    // — « Fiches de suivi » —

    [Fact]
    public async Task A_published_dossier_lists_the_companies_follow_up_sheets_read_only()
    {
        var sheets = new object[]
        {
            new
            {
                interestId = AnsweredInterest, organisationName = "Est Logiciels", status = "hired", statusLabel = "Candidat recruté",
                openedAt = Submitted.AddDays(11), lastNewsAt = Submitted.AddDays(20),
                entries = new object[]
                {
                    new
                    {
                        id = 1L, kind = "interview", kindLabel = "Entretien", date = "2026-11-25", interviewKind = "Visioconférence", outcome = "Bon échange.",
                        contractType = (string?)null, startDate = (string?)null, reason = (string?)null, author = "Rita Recruteuse", recordedAt = Submitted.AddDays(15),
                    },
                    new
                    {
                        id = 2L, kind = "hire", kindLabel = "Recrutement", date = "2026-12-01", interviewKind = (string?)null, outcome = (string?)null,
                        contractType = "CDD", startDate = "2027-01-04", reason = (string?)null, author = "Rita Recruteuse", recordedAt = Submitted.AddDays(20),
                    },
                },
            },
        };
        var published = PublishedOr(_ => new StubAnswer(500));
        site.Stub.Api = request => request.Method == "GET" && request.PathAndQuery == $"{Api}/{DossierId}/follow-ups" ? new StubAnswer(200, sheets) : published(request);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"], accessToken: "pilot-token");

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        var request = Assert.Single(site.Stub.ApiRequests, request => request.PathAndQuery == $"{Api}/{DossierId}/follow-ups");
        Assert.Equal("Bearer pilot-token", request.Authorization);
        Assert.Contains("<h2 id=\"suivi\">Fiches de suivi</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Est Logiciels — Candidat recruté</h3>", page, StringComparison.Ordinal);
        Assert.Matches("<td>25/11/2026</td>\\s*<td>Entretien</td>\\s*<td class=\"motif\">Visioconférence — Bon échange.</td>\\s*<td>Rita Recruteuse</td>", page);
        Assert.Matches("<td>01/12/2026</td>\\s*<td>Recrutement</td>\\s*<td class=\"motif\">CDD, embauche le 04/01/2027</td>", page);
        Assert.DoesNotContain("handler=Entry", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_up_sheets_that_cannot_be_read_are_said_in_their_section_and_a_dossier_never_published_asks_for_none()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{DossierId}/follow-ups"
            ? new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = "Les fiches de suivi sont réservées à la commission du territoire." })
            : PublishedOr(_ => new StubAnswer(500))(request);
        using var client = await site.SignInAsync("Paul Pilote", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(500));
        site.Stub.ApiRequests.Clear();
        var never = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Matches("<h2 id=\"suivi\">Fiches de suivi</h2>\\s*<p class=\"warning\" role=\"alert\">Les fiches de suivi sont réservées à la commission du territoire.</p>", page);
        Assert.Contains("<td>Est Logiciels</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fiches de suivi", never, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.PathAndQuery.EndsWith("/follow-ups", StringComparison.Ordinal));
    }

    // — « Commissions », for administrators —

    private static readonly Guid Marie = Guid.Parse("0193a0b1-0000-7000-8000-0000000000aa");

    private static readonly Guid Paul = Guid.Parse("0193a0b1-0000-7000-8000-0000000000bb");

    private static object Account(Guid id, string firstName, string lastName, params string[] roles) => new
    {
        id, email = $"{firstName.ToLowerInvariant()}@exemple.fr", userName = firstName.ToLowerInvariant(), civility = "Madame",
        lastName, firstName, function = (string?)null, organisationId = (string?)null, organisationName = (string?)null,
        roles, emailConfirmed = true, isLocked = false, lockedUntil = (DateTimeOffset?)null, createdAt = Submitted,
    };

    private static object Territories() => new object[]
    {
        new { territory = "Alsace", members = Array.Empty<object>() },
        new
        {
            territory = "Lorraine",
            members = new object[]
            {
                new { accountId = Paul, displayName = "Paul Pilote", email = "paul@exemple.fr", pilot = true, since = Submitted },
                new { accountId = Marie, displayName = "Marie Curie", email = "marie@exemple.fr", pilot = false, since = Submitted },
            },
        },
        new { territory = "Champagne-Ardenne", members = Array.Empty<object>() },
    };

    private static StubAnswer Commissions(StubRequest request) => (request.Method, request.PathAndQuery) switch
    {
        ("GET", "/api/candidates/territories") => new StubAnswer(200, Territories()),
        ("GET", var path) when path.StartsWith($"{Api}?territory=aucun", StringComparison.Ordinal) =>
            new StubAnswer(200, Page([new
            {
                id = DossierId, number = "2026-000050", firstName = "Inès", lastName = "Parisienne", territory = (string?)null,
                status = Status("submitted", "Déposé"), submittedAt = Submitted, lastActivityAt = Submitted, daysWithoutActivity = 3, inactive = false,
            }])),
        ("GET", var path) when path.StartsWith("/api/membership/accounts?", StringComparison.Ordinal) =>
            new StubAnswer(200, new
            {
                items = new[] { Account(Marie, "Marie", "Curie", "commission"), Account(Guid.NewGuid(), "Rita", "Référente", "referent") },
                page = 1, pageSize = 100, total = 2,
            }),
        ("GET", var path) when path == $"/api/membership/accounts/{Marie}" =>
            new StubAnswer(200, new { account = Account(Marie, "Marie", "Curie", "commission"), roleChanges = Array.Empty<object>() }),
        ("GET", var path) when path.StartsWith("/api/membership/accounts/", StringComparison.Ordinal) =>
            new StubAnswer(200, new { account = Account(Paul, "Rita", "Référente", "referent"), roleChanges = Array.Empty<object>() }),
        ("PUT", var path) when path.StartsWith("/api/candidates/territories/", StringComparison.Ordinal) =>
            new StubAnswer(200, new { accountId = Marie, displayName = "Marie Curie", email = "marie@exemple.fr", pilot = true, since = Submitted }),
        ("DELETE", _) => new StubAnswer(204),
        ("PUT", _) => new StubAnswer(200, Status("submitted", "Déposé")),
        _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
    };

    [Fact]
    public async Task The_commissions_page_lists_members_and_pilots_the_commission_accounts_and_the_dossiers_to_dispatch()
    {
        site.Stub.Api = Commissions;
        using var client = await site.SignInAsync("Ada Admin", ["admin"], accessToken: "admin-token");

        var response = await client.GetAsync("/espace-membre/admin/commissions?personne=curie");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["/api/candidates/territories", $"{Api}?territory=aucun&page=1&pageSize=20", "/api/membership/accounts?search=curie&page=1&pageSize=100"],
            site.Stub.ApiRequests.Select(request => request.PathAndQuery));
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer admin-token", request.Authorization));
        var page = await response.ReadPageAsync();
        Assert.Contains("<h2 id=\"commission-lorraine\">Commission Lorraine</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"commission-champagne-ardenne\">Commission Champagne-Ardenne</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<td>Paul Pilote</td>\\s*<td><a href=\"mailto:paul@exemple.fr\">paul@exemple.fr</a></td>\\s*<td>Pilote</td>", page);
        Assert.Matches("<td>Marie Curie</td>\\s*<td><a href=\"mailto:marie@exemple.fr\">marie@exemple.fr</a></td>\\s*<td>Membre</td>", page);
        Assert.Contains(">Ne plus être pilote</button>", page, StringComparison.Ordinal);
        Assert.Contains(">Nommer pilote</button>", page, StringComparison.Ordinal);
        // Only the accounts with the commission's role are offered.
        Assert.Contains($"<option value=\"{Marie}\">Marie Curie (marie@exemple.fr)</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rita", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Input_Pilot-1\">Pilote (enregistre les décisions)</label>", page, StringComparison.Ordinal);
        // The dossiers outside every territory, each with its own form.
        Assert.Contains($"<a href=\"{DossierPage}\">2026-000050</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"territoire-{DossierId:N}\">Commission du dossier 2026-000050</label>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_pilot_puts_the_accounts_name_and_email_in_the_commission()
    {
        site.Stub.Api = Commissions;
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await PostAsync(client, "/espace-membre/admin/commissions", "Add",
            ("Input.AccountId", Marie.ToString()), ("Input.Territory", "Lorraine"), ("Input.Pilot", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/admin/commissions?etat=membre-ajoute#commission-lorraine", response.Headers.Location?.ToString());
        var put = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"/api/candidates/territories/Lorraine/members/{Marie}", put.PathAndQuery);
        using var body = JsonDocument.Parse(put.Body);
        Assert.Equal("Marie Curie", body.RootElement.GetProperty("displayName").GetString());
        Assert.Equal("marie@exemple.fr", body.RootElement.GetProperty("email").GetString());
        Assert.True(body.RootElement.GetProperty("pilot").GetBoolean());
    }

    [Fact]
    public async Task A_person_without_the_commission_role_is_not_added()
    {
        site.Stub.Api = Commissions;
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await PostAsync(client, "/espace-membre/admin/commissions", "Add",
            ("Input.AccountId", Paul.ToString()), ("Input.Territory", "Alsace"), ("Input.Pilot", "false"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_AccountId-erreur\">Rita Référente n'a pas le rôle « Membre de commission » : attribuez-le d'abord depuis la page du compte.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Alsace\" selected=\"selected\">Alsace</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
    }

    [Fact]
    public async Task A_pilot_stops_being_one_and_a_member_is_removed()
    {
        site.Stub.Api = Commissions;
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var pilot = await PostAsync(client, "/espace-membre/admin/commissions", "Pilot",
            ("territory", "Lorraine"), ("accountId", Paul.ToString()), ("pilot", "false"));
        var removed = await PostAsync(client, "/espace-membre/admin/commissions", "Remove", ("territory", "Lorraine"), ("accountId", Marie.ToString()));

        Assert.Equal("/espace-membre/admin/commissions?etat=pilote#commission-lorraine", pilot.Headers.Location?.ToString());
        var put = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"/api/candidates/territories/Lorraine/members/{Paul}", put.PathAndQuery);
        using (var body = JsonDocument.Parse(put.Body))
        {
            Assert.Equal("Paul Pilote", body.RootElement.GetProperty("displayName").GetString());
            Assert.Equal("paul@exemple.fr", body.RootElement.GetProperty("email").GetString());
            Assert.False(body.RootElement.GetProperty("pilot").GetBoolean());
        }

        Assert.Equal("/espace-membre/admin/commissions?etat=membre-retire#commission-lorraine", removed.Headers.Location?.ToString());
        Assert.Equal($"/api/candidates/territories/Lorraine/members/{Marie}", site.Stub.ApiRequests.Single(request => request.Method == "DELETE").PathAndQuery);
    }

    [Fact]
    public async Task A_dossier_outside_every_territory_is_given_to_a_commission()
    {
        site.Stub.Api = Commissions;
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var response = await PostAsync(client, "/espace-membre/admin/commissions", "Dispatch",
            ("dossierId", DossierId.ToString()), ("number", "2026-000050"), ("territory", "Champagne-Ardenne"));

        Assert.Equal("/espace-membre/admin/commissions?etat=dossier-confie#hors-territoire", response.Headers.Location?.ToString());
        var put = site.Stub.ApiRequests.Single(request => request.Method == "PUT");
        Assert.Equal($"{Api}/{DossierId}/territory", put.PathAndQuery);
        using var body = JsonDocument.Parse(put.Body);
        Assert.Equal("Champagne-Ardenne", body.RootElement.GetProperty("territory").GetString());
    }

    // — Who may see which page —

    public static TheoryData<string> CommissionPages => new() { "/espace-membre/commission", DossierPage, "/espace-membre/admin/commissions" };

    [Theory]
    [MemberData(nameof(CommissionPages))]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [MemberData(nameof(CommissionPages))]
    public async Task A_referent_is_refused(string path)
    {
        using var client = await site.SignInAsync("Rita Référente", ["referent", "board", "recruiter"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [InlineData("/espace-membre/commission")]
    [InlineData("/espace-membre/commission/dossiers/0193a0b1-0000-7000-8000-000000000001")]
    public async Task A_commission_member_opens_the_queue_and_the_dossier(string path)
    {
        site.Stub.Api = request => request.PathAndQuery.StartsWith($"{Api}?", StringComparison.Ordinal)
            ? new StubAnswer(200, Page([]))
            : new StubAnswer(200, Dossier());
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task A_commission_member_is_refused_the_administrators_commissions_page()
    {
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var response = await client.GetAsync("/espace-membre/admin/commissions");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_queue_for_the_commission_and_both_pages_for_administrators()
    {
        using var member = await site.SignInAsync("Claire Membre", ["commission"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);

        var memberArea = await (await member.GetAsync("/espace-membre")).ReadPageAsync();
        var adminArea = await (await admin.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Contains("<h2>Membre de commission</h2>", memberArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/commission\">File de travail</a></li>", memberArea, StringComparison.Ordinal);
        Assert.DoesNotContain("/espace-membre/admin/commissions", memberArea, StringComparison.Ordinal);
        Assert.DoesNotContain("bientôt disponible", memberArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/admin/commissions\">Commissions</a></li>", adminArea, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/espace-membre/commission\">File de travail des commissions</a></li>", adminArea, StringComparison.Ordinal);
    }

    // — The dossier's documents —

    [Fact]
    public async Task The_dossier_page_lists_the_partners_documents_each_downloaded_through_the_site()
    {
        site.Stub.Api = request => DossierOr(request, _ => new StubAnswer(404, new { }));
        using var client = await site.SignInAsync("Claire Membre", ["commission"]);

        var page = await (await client.GetAsync(DossierPage)).ReadPageAsync();

        Assert.Matches(
            $"<td>Curriculum Vitae</td>\\s*<td><a href=\"{DossierPage}/documents/{DocumentId}\" download>cv-jonas.pdf</a></td>\\s*<td>118 Ko</td>\\s*<td>[^<]+</td>\\s*<td>Système du partenaire \\(apec\\)</td>",
            page);
    }

    [Fact]
    public async Task A_document_is_downloaded_with_its_type_and_name_and_an_unknown_one_is_not_found()
    {
        var bytes = "%PDF-1.7 le CV de Jonas"u8.ToArray();
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{DossierId}/documents/{DocumentId}"
            ? StubAnswer.File(bytes, "application/pdf") with
            {
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=cv-jonas.pdf" },
            }
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Claire Membre", ["commission"], accessToken: "commission-token");

        var response = await client.GetAsync($"{DossierPage}/documents/{DocumentId}");
        var unknown = await client.GetAsync($"{DossierPage}/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer commission-token", site.Stub.ApiRequests.First().Authorization);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "cv-jonas.pdf"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_person_outside_the_commissions_cannot_download_a_document()
    {
        site.Stub.Api = _ => StubAnswer.File([1, 2, 3], "application/pdf");
        using var client = await site.SignInAsync("Rita Recruteuse", ["recruiter"]);

        var response = await client.GetAsync($"{DossierPage}/documents/{DocumentId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
