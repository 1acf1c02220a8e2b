using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>« Mon dossier de candidat »: attaching the dossier, reading it, exporting it and changing the consents.</summary>
[Collection(SiteCollection.Name)]
public sealed class CandidateSpacePagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/me";

    private const string Page = "/espace-membre/candidat";

    internal static readonly Guid DossierId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000c1");

    internal static readonly DateTimeOffset Submitted = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public void Dispose() => site.Stub.Reset();

    internal static StubAnswer NotAttached() =>
        new(404, new { title = "Introuvable.", status = 404, detail = "Aucun dossier n'est rattaché à votre compte : demandez son rattachement avec l'adresse électronique de votre dossier." });

    private static object Skill(string kind, string name, string level) => new { kind, name, level };

    private static object Consent(string kind, string label, bool given) => new
    {
        kind, label, given, noticeVersion = "2026-12", by = "partner", how = "form", since = Submitted,
        history = new[] { new { given, noticeVersion = "2026-12", by = "partner", byName = "Système du partenaire (apec)", how = "form", at = Submitted } },
    };

    /// <summary>The dossier as <c>GET …/me/dossier</c> answers, with the candidate's interests, commitments and requests when told.</summary>
    internal static object Dossier(object[]? interests = null, object[]? commitments = null, object[]? requests = null) => new
    {
        id = DossierId, number = "2026-000042", status = new { code = "in_analysis", label = "En analyse", since = Submitted.AddDays(2) }, territory = "Lorraine",
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
            consent = new { noticeVersion = "2026-12", socialNetworkPromotion = false, informedAt = Submitted, talentPool = true },
        },
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
        },
        documents = Array.Empty<object>(),
        consents = new[]
        {
            Consent("data_use_notice", "Information sur l'utilisation des données", true),
            Consent("talent_pool", "Publication de ma fiche anonyme dans le vivier", true),
            Consent("social_network_promotion", "Promotion sur les réseaux sociaux (LinkedIn)", false),
        },
        card = (object?)null,
        interests = interests ?? [],
        followUps = Array.Empty<object>(),
        noticeVersion = "2026-12",
        noticeLink = "https://localhost/candidats/donnees-personnelles/2026-12",
        erasureDue = "2028-11-02",
        commitments = commitments ?? [],
        requests = requests ?? [],
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(Page)).ReadPageAsync();
        return await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    [Fact]
    public async Task Without_a_dossier_the_attach_form_is_shown_and_posts_the_email_then_asks_for_the_code()
    {
        var expires = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        site.Stub.Api = request => request.Method == "POST" && request.PathAndQuery == $"{Api}/attachment"
            ? new StubAnswer(202, new { status = "pending", message = "Si un dossier correspond à cette adresse, un code à six chiffres vient d'y être envoyé ; il est valable 30 minutes.", codeExpiresAt = expires })
            : NotAttached();
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var page = await (await client.GetAsync(Page)).ReadPageAsync();
        Assert.Contains("<h1>Mon dossier de candidat</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"rattacher\">Rattacher mon dossier</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Adresse électronique du dossier", page, StringComparison.Ordinal);
        Assert.Contains("Aucun dossier n'est rattaché à votre compte", page, StringComparison.Ordinal);

        var response = await PostAsync(client, "Attach", ("Email", " jonas.muller@exemple.fr "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{Api}/attachment", post.PathAndQuery);
        Assert.Equal("Bearer jonas-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("jonas.muller@exemple.fr", body.RootElement.GetProperty("email").GetString());
        }

        var after = await response.ReadPageAsync();
        Assert.Contains("un code à six chiffres vient d'y être envoyé", after, StringComparison.Ordinal);
        Assert.Contains("Le code expire le 01/12/2026 à 11:30.", after, StringComparison.Ordinal);
        Assert.Contains("name=\"Code\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_form_posts_the_code_and_shows_the_apis_message_beside_it()
    {
        site.Stub.Api = request => request.Method == "POST" && request.PathAndQuery == $"{Api}/attachment/confirmation"
            ? new StubAnswer(400, new { status = 400, errors = new Dictionary<string, string[]> { ["code"] = ["Ce code n'est pas le bon : il vous reste 4 essais."] } })
            : NotAttached();
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, "Confirm", ("Code", "123456"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("123456", body.RootElement.GetProperty("code").GetString());
        }

        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Code-erreur\">Ce code n'est pas le bon : il vous reste 4 essais.</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attached_dossier_shows_its_contents_the_analyses_read_only_and_the_consents()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/dossier" ? new StubAnswer(200, Dossier()) : new StubAnswer(404);
        using var client = await site.SignInAsync("Jonas Muller", []);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("En analyse", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"identification\">Identification du candidat</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Muller", page, StringComparison.Ordinal);
        Assert.Contains("Analyse du CV <span class=\"aide\">(lecture seule)</span>", page, StringComparison.Ordinal);
        Assert.Contains("Profil prometteur.", page, StringComparison.Ordinal);
        Assert.Contains("Cibler les ESN de Moselle.", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"consentements\">Mes consentements</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Publication de ma fiche anonyme dans le vivier", page, StringComparison.Ordinal);
        Assert.Contains("Retirer mon consentement", page, StringComparison.Ordinal);
        Assert.Contains("Donner mon consentement", page, StringComparison.Ordinal);
        Assert.Contains("Vos données seront effacées à partir du 02/11/2028 sauf mise à jour.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}/export/json\" download>Exporter en JSON</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}/export/pdf\" download>Exporter en PDF</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rattacher mon dossier", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_the_pool_consent_posts_it_and_says_so()
    {
        site.Stub.Api = request => request.PathAndQuery switch
        {
            $"{Api}/dossier" => new StubAnswer(200, Dossier()),
            $"{Api}/consents" when request.Method == "POST" => new StubAnswer(200, new[] { Consent("talent_pool", "Vivier", false) }),
            _ => new StubAnswer(404),
        };
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await PostAsync(client, "Consent", ("kind", "talent_pool"), ("given", "false"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal($"{Api}/consents", post.PathAndQuery);
        Assert.Equal("Bearer jonas-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("talent_pool", body.RootElement.GetProperty("kind").GetString());
            Assert.False(body.RootElement.GetProperty("given").GetBoolean());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Votre consentement est retiré : le retrait prend effet immédiatement.</p>", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("pdf", "application/pdf")]
    public async Task The_exports_stream_the_apis_file_as_an_attachment(string format, string type)
    {
        var bytes = "%PDF-1.7 ou {}"u8.ToArray();
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/dossier/export.{format}"
            ? StubAnswer.File(bytes, type) with { Headers = new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=dossier-2026-000042.{format}" } }
            : new StubAnswer(404);
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await client.GetAsync($"{Page}/export/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer jonas-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"dossier-2026-000042.{format}", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_home_page_and_the_member_area_link_the_candidate_space()
    {
        using var client = await site.SignInAsync("Jonas Muller", []);

        var home = await (await site.CreateClient().GetAsync("/")).ReadPageAsync();
        var area = await (await client.GetAsync("/espace-membre")).ReadPageAsync();

        Assert.Contains($"href=\"{Page}\">Je suis candidat</a>", home, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page}\">Mon dossier de candidat</a>", area, StringComparison.Ordinal);
    }
}
