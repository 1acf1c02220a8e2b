using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nege.Contracts.Candidates;

namespace Site.Tests;

/// <summary>
/// The rest of « Mon dossier de candidat »: correcting the dossier, keeping the association informed (the commitments),
/// the requests to the pilot, and the answers to the interested companies.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class CandidateRightsPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/candidates/me";

    private const string Space = "/espace-membre/candidat";

    private const string RectificationPage = Space + "/rectification";

    private const string RequestsPage = Space + "/demandes";

    private static readonly Guid PendingInterest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e1");

    private static readonly Guid AnsweredInterest = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e2");

    private static readonly DateTimeOffset Submitted = CandidateSpacePagesTests.Submitted;

    public void Dispose() => site.Stub.Reset();

    private static StubAnswer Problem(Dictionary<string, string[]> errors) =>
        new(400, new { title = "La demande contient des erreurs.", status = 400, errors });

    /// <summary>The dossier for a GET of <c>…/me/dossier</c>, <paramref name="write"/> for the rest.</summary>
    private static Func<StubRequest, StubAnswer> DossierOr(Func<StubRequest, StubAnswer> write, object? dossier = null) => request =>
        request.Method == "GET" && request.PathAndQuery == $"{Api}/dossier"
            ? new StubAnswer(200, dossier ?? CandidateSpacePagesTests.Dossier())
            : write(request);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? handler, params (string Name, string Value)[] fields)
    {
        var form = await (await client.GetAsync(path)).ReadPageAsync();
        return await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    private static string FieldValue(string page, string name)
    {
        var match = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"");
        Assert.True(match.Success, $"the page has a field {name} with a value");
        return match.Groups["value"].Value;
    }

    private static string TextArea(string page, string name)
    {
        var match = Regex.Match(page, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(?<text>[^<]*)</textarea>");
        Assert.True(match.Success, $"the page has a text area {name}");
        return match.Groups["text"].Value.Trim();
    }

    /// <summary>The text of the selected option of a select, "" when none is.</summary>
    private static string SelectedOption(string page, string name)
    {
        var start = page.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"the page has a select {name}");
        var select = page[start..page.IndexOf("</select>", start, StringComparison.Ordinal)];
        var selected = Regex.Match(select, "<option[^>]*selected=\"selected\"[^>]*>(?<text>[^<]*)</option>");
        return selected.Success ? selected.Groups["text"].Value : "";
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetString()!)];

    // — « Corriger mon dossier » —

    [Fact]
    public async Task The_correction_form_is_filled_with_the_dossier_and_shows_the_analyses_read_only()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await client.GetAsync(RectificationPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer jonas-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Corriger mon dossier</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"identification\">Identification et coordonnées</h2>", page, StringComparison.Ordinal);
        Assert.Equal("Jonas", FieldValue(page, "Input.Identification.FirstName"));
        Assert.Equal("Muller", FieldValue(page, "Input.Identification.LastName"));
        Assert.Equal("APEC-778", FieldValue(page, "Input.Identification.PartnerReference"));
        Assert.Equal("3 place Stanislas", FieldValue(page, "Input.Identification.Address.Street"));
        Assert.Equal("57000", FieldValue(page, "Input.Identification.Address.PostalCode"));
        Assert.Equal("Metz", FieldValue(page, "Input.Identification.Address.City"));
        Assert.Equal("jonas.muller@exemple.fr", FieldValue(page, "Input.Identification.Email"));
        Assert.Equal("+33387123456", FieldValue(page, "Input.Identification.Phone"));
        Assert.Equal("1971-03-08", FieldValue(page, "Input.Identification.BirthDate"));
        // With a birth date, the age band is left to it (the API derives it).
        Assert.DoesNotMatch("<option selected=\"selected\">50 ans et plus</option>", page);
        Assert.Contains($"name=\"Input.Context.Situations\" value=\"{CandidateForm.Senior}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Equal("Gestion de projet", FieldValue(page, "Input.Profile.Skills[0].Name"));
        Assert.Equal("Méthodologique", SelectedOption(page, "Input.Profile.Skills[0].Kind"));
        Assert.Equal("Expertise", SelectedOption(page, "Input.Profile.Skills[0].Level"));
        Assert.Equal("", SelectedOption(page, "Input.Profile.Skills[1].Kind"));
        // The candidate's skill, then spare rows up to the adviser's six.
        Assert.Contains("name=\"Input.Profile.Skills[5].Name\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Profile.Skills[6].Name\"", page, StringComparison.Ordinal);
        Assert.Equal("Rigueur", TextArea(page, "Input.Profile.SoftSkills"));
        Assert.Matches("<option selected=\"selected\">Niveau 7 \\(bac\\+5 : master, diplôme d'ingénieur\\)</option>", page);
        Assert.Equal("25", FieldValue(page, "Input.Profile.ExperienceYears"));
        Assert.Equal("Chef de projet informatique", TextArea(page, "Input.Project.TargetJobs"));
        Assert.Contains("name=\"Input.Project.ContractTypes\" value=\"CDI\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Equal("45000", FieldValue(page, "Input.Project.ExpectedAnnualGrossSalaryEuros"));
        Assert.Equal("30", FieldValue(page, "Input.Project.Mobility.MaximumDistanceKm"));
        Assert.Contains("Les départements où vous accepteriez de travailler ; plusieurs choix possibles.", page, StringComparison.Ordinal);
        // Neither the consents nor the adviser are changed here.
        Assert.DoesNotContain("Input.Consent", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Adviser", page, StringComparison.Ordinal);
        // The analyses, read-only, and the way to ask for their correction.
        Assert.Contains("Analyse du CV <span class=\"aide\">(lecture seule)</span>", page, StringComparison.Ordinal);
        Assert.Contains("Profil prometteur.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{RequestsPage}?demande=correction\">demandez sa correction</a> au pilote", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Enregistrer mes corrections</button>", page, StringComparison.Ordinal);
    }

    /// <summary>The form as the candidate sends it back after correcting the phone and the city.</summary>
    private static (string Name, string Value)[] CorrectedDossier(params (string Name, string Value)[] changes)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("Input.Identification.FirstName", "Jonas"), ("Input.Identification.LastName", "Muller"), ("Input.Identification.PartnerReference", "APEC-778"),
            ("Input.Identification.Address.Street", "3 place Stanislas"), ("Input.Identification.Address.Complement", ""),
            ("Input.Identification.Address.PostalCode", "57000"), ("Input.Identification.Address.City", " Thionville "),
            ("Input.Identification.Email", "jonas.muller@exemple.fr"), ("Input.Identification.Phone", "06 12 34 56 78"),
            ("Input.Identification.BirthDate", "1971-03-08"),
            ("Input.Context.AgeBand", ""), ("Input.Context.ComplementaryActivity", ""), ("Input.Context.Situations", CandidateForm.Senior),
            ("Input.Profile.Skills[0].Kind", "Méthodologique"), ("Input.Profile.Skills[0].Name", "Gestion de projet"), ("Input.Profile.Skills[0].Level", "Expertise"),
            ("Input.Profile.Skills[1].Kind", ""), ("Input.Profile.Skills[1].Name", ""), ("Input.Profile.Skills[1].Level", ""),
            ("Input.Profile.Skills[2].Kind", "Langue"), ("Input.Profile.Skills[2].Name", "Allemand"), ("Input.Profile.Skills[2].Level", "C1"),
            ("Input.Profile.SoftSkills", "Rigueur"), ("Input.Profile.QualificationLevel", "Niveau 7 (bac+5 : master, diplôme d'ingénieur)"),
            ("Input.Profile.Diploma", ""), ("Input.Profile.ExperienceYears", "25"), ("Input.Profile.Experience", ""),
            ("Input.Project.TargetJobs", "Chef de projet informatique\r\nDirecteur de projet"), ("Input.Project.ContractTypes", "CDI"),
            ("Input.Project.ExpectedAnnualGrossSalaryEuros", "45000"), ("Input.Project.Mobility.Departements", CandidateForm.Departements[4]),
            ("Input.Project.Mobility.MaximumDistanceKm", "30"), ("Input.Project.SkillsDevelopment", ""),
        };
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(field => field.Name == name);
            fields.Add((name, value));
        }

        return [.. fields];
    }

    [Fact]
    public async Task Correcting_the_dossier_puts_the_four_sections_and_comes_back_to_the_space_with_a_message()
    {
        site.Stub.Api = DossierOr(request => request.Method == "PUT" && request.PathAndQuery == $"{Api}/dossier"
            ? new StubAnswer(200, CandidateSpacePagesTests.Dossier())
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await PostAsync(client, RectificationPage, null, CorrectedDossier());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Space}?etat=rectifie#identification", response.Headers.Location?.ToString());
        var put = Assert.Single(site.Stub.ApiRequests, request => request.Method == "PUT");
        Assert.Equal($"{Api}/dossier", put.PathAndQuery);
        Assert.Equal("Bearer jonas-token", put.Authorization);
        using var body = JsonDocument.Parse(put.Body);
        var root = body.RootElement;
        // All four sections are sent, and nothing else (the consents change through their own buttons).
        Assert.Equal(["identification", "context", "profile", "project"], root.EnumerateObject().Select(property => property.Name).ToArray());
        var identification = root.GetProperty("identification");
        Assert.Equal("06 12 34 56 78", identification.GetProperty("phone").GetString());
        Assert.Equal("Thionville", identification.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal(JsonValueKind.Null, identification.GetProperty("address").GetProperty("complement").ValueKind);
        Assert.Equal("1971-03-08", identification.GetProperty("birthDate").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("context").GetProperty("ageBand").ValueKind);
        Assert.Equal([CandidateForm.Senior], Strings(root.GetProperty("context").GetProperty("situations")));
        var skills = root.GetProperty("profile").GetProperty("skills");
        Assert.Equal(2, skills.GetArrayLength());
        Assert.Equal("Allemand", skills[1].GetProperty("name").GetString());
        Assert.Equal(25, root.GetProperty("profile").GetProperty("experienceYears").GetInt32());
        var project = root.GetProperty("project");
        Assert.Equal(["Chef de projet informatique", "Directeur de projet"], Strings(project.GetProperty("targetJobs")));
        Assert.Equal(4_500_000, project.GetProperty("expectedAnnualGrossSalaryCents").GetInt32());
        Assert.Equal([CandidateForm.Departements[4]], Strings(project.GetProperty("mobility").GetProperty("departements")));

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Vos corrections sont enregistrées.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_messages_on_a_correction_show_beside_their_fields_and_what_was_typed_is_kept()
    {
        site.Stub.Api = DossierOr(request => request.Method == "PUT"
            ? Problem(new()
            {
                ["identification.firstName"] = ["Le prénom est obligatoire."],
                ["identification.address.postalCode"] = ["Le code postal doit compter cinq chiffres (par exemple 67000)."],
                // The second skill sent is the grid's third row.
                ["profile.skills[1].level"] = ["Le niveau d'une langue doit être l'un de : « A1 », « A2 », « B1 », « B2 », « C1 », « C2 »."],
                ["project.targetJobs"] = ["Indiquez au moins un métier visé."],
            })
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, RectificationPage, null, CorrectedDossier(
            ("Input.Identification.FirstName", " "), ("Input.Identification.Address.PostalCode", "5700"), ("Input.Project.TargetJobs", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Identification_FirstName-erreur\">Le prénom est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Identification_FirstName\">Le prénom est obligatoire.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*name=\"Input.Identification.FirstName\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Identification_Address_PostalCode-erreur\">Le code postal doit compter cinq chiffres (par exemple 67000).</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Profile_Skills_2__Level-erreur\">Le niveau d'une langue doit être l'un de", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Project_TargetJobs-erreur\">Indiquez au moins un métier visé.</span>", page, StringComparison.Ordinal);
        Assert.Contains("Le formulaire contient 4 erreurs", page, StringComparison.Ordinal);
        // What was typed, not the dossier's values.
        Assert.Equal("5700", FieldValue(page, "Input.Identification.Address.PostalCode"));
        Assert.Equal("06 12 34 56 78", FieldValue(page, "Input.Identification.Phone"));
        Assert.Equal("Allemand", FieldValue(page, "Input.Profile.Skills[2].Name"));
        // The analyses are still shown beside the form.
        Assert.Contains("Profil prometteur.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_said_beside_its_field_and_nothing_is_sent()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, RectificationPage, null, CorrectedDossier(("Input.Identification.BirthDate", "08/03/1971x")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Identification_BirthDate-erreur\">La valeur « 08/03/1971x » n'est pas valide.</span>",
            await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RectificationPage)]
    [InlineData(RequestsPage)]
    public async Task Without_an_attached_dossier_the_pages_send_back_to_the_space(string path)
    {
        site.Stub.Api = _ => CandidateSpacePagesTests.NotAttached();
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Space, response.Headers.Location?.ToString());
    }

    // — « Tenir l'association informée » —

    [Fact]
    public async Task The_space_offers_the_six_commitments_each_a_form_of_its_own_and_lists_those_reported()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500), CandidateSpacePagesTests.Dossier(commitments:
        [
            new { id = Guid.NewGuid(), kind = "interview", label = "Je participe à des entretiens de recrutement", details = "Chez Est Logiciels, le 12 janvier.", at = Submitted.AddDays(20) },
        ]));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var page = await (await client.GetAsync(Space)).ReadPageAsync();

        Assert.Contains("<h2 id=\"engagements\">Tenir l'association informée</h2>", page, StringComparison.Ordinal);
        foreach (var (kind, label) in new[]
                 {
                     ("interview", "Je participe à des entretiens de recrutement"), ("found_job", "J'ai trouvé un emploi"),
                     ("unavailable", "Je suis momentanément indisponible pour le plan d'accompagnement"),
                     ("training", "Je suis une formation non prévue dans le plan d'accompagnement"),
                     ("new_skills", "J'ai acquis des compétences complémentaires"), ("wants_to_stop", "Je souhaite arrêter le plan d'accompagnement"),
                 })
        {
            Assert.Matches(
                $"<form method=\"post\" class=\"engagement\" aria-label=\"{Regex.Escape(label)}\" action=\"{Space}\\?handler=Commitment\">\\s*"
                + $"<input type=\"hidden\" name=\"Commitment.Kind\" value=\"{kind}\" />\\s*<label for=\"Commitment_{kind}\">Précisions \\(facultatif\\)</label>\\s*"
                + $"<textarea id=\"Commitment_{kind}\" name=\"Commitment.Details\"[^>]*></textarea>\\s*<button type=\"submit\">{Regex.Escape(label)}</button>",
                page);
        }

        Assert.Matches("<td>[^<]+</td>\\s*<td>Je participe à des entretiens de recrutement</td>\\s*<td class=\"motif\">Chez Est Logiciels, le 12 janvier.</td>", page);
        Assert.Contains($"<a href=\"{Space}/rectification\">Corriger mon dossier</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Space}/demandes\">Mes demandes</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("found_job", "Chez Est Logiciels, en CDI.", "Chez Est Logiciels, en CDI.", "engagement-vivier", "Si votre fiche anonyme était dans le vivier, elle n'est plus proposée aux entreprises.")]
    [InlineData("interview", "  ", null, "engagement", "le pilote de la commission et votre conseiller en sont avertis.")]
    public async Task A_commitment_is_posted_in_one_click_and_the_space_says_who_is_told(string kind, string typed, string? sent, string done, string notice)
    {
        site.Stub.Api = DossierOr(request => request.Method == "POST" && request.PathAndQuery == $"{Api}/commitments"
            ? new StubAnswer(201, new { id = Guid.NewGuid(), kind, label = "Libellé", details = sent, at = Submitted.AddDays(30) })
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await PostAsync(client, Space, "Commitment", ("Commitment.Kind", kind), ("Commitment.Details", typed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Space}?etat={done}#engagements", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal("Bearer jonas-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal(kind, body.RootElement.GetProperty("kind").GetString());
            Assert.Equal(sent, body.RootElement.GetProperty("details").GetString());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Matches($"<p class=\"notice\" role=\"status\">[^<]*{Regex.Escape(notice)}</p>", after);
    }

    [Fact]
    public async Task The_apis_message_about_the_details_shows_beside_that_commitments_field_only()
    {
        var tooLong = new string('a', 2001);
        site.Stub.Api = DossierOr(request => request.Method == "POST"
            ? Problem(new() { ["details"] = ["Les précisions ne doivent pas dépasser 2 000 caractères."] })
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, Space, "Commitment", ("Commitment.Kind", "training"), ("Commitment.Details", tooLong));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Commitment_training-erreur\">Les précisions ne doivent pas dépasser 2 000 caractères.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Commitment_training\">Les précisions ne doivent pas dépasser 2 000 caractères.</a></li>", page, StringComparison.Ordinal);
        Assert.Matches($"<textarea id=\"Commitment_training\" name=\"Commitment.Details\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Commitment_training-erreur\">{tooLong}</textarea>", page);
        // The other commitments' fields are left as they were.
        Assert.Matches("<textarea id=\"Commitment_found_job\" name=\"Commitment.Details\" rows=\"2\" maxlength=\"2000\"></textarea>", page);
        Assert.Single(Regex.Matches(page, "class=\"erreur-champ\""));
    }

    [Fact]
    public async Task A_commitment_of_an_unknown_kind_is_refused_without_calling_the_api()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, Space, "Commitment", ("Commitment.Kind", "holidays"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Commitments-erreur\">Choisissez ce que vous signalez parmi les six boutons.</span>",
            await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    // — « Entreprises intéressées » —

    private static object Interest(Guid id, string organisation, string status, string statusLabel) => new
    {
        id, card = (object?)null, organisationName = organisation, recruiterName = "Rita Recruteuse", message = $"{organisation} recrute un chef de projet.",
        status, statusLabel, createdAt = Submitted.AddDays(10), answeredAt = status == "pending" ? (DateTimeOffset?)null : Submitted.AddDays(11),
        answeredBy = status == "pending" ? null : "candidate", contact = (object?)null, documents = Array.Empty<object>(),
    };

    private static object DossierWithInterests() => CandidateSpacePagesTests.Dossier(interests:
    [
        Interest(AnsweredInterest, "Numéric Conseil", "declined", "Refusé"),
        Interest(PendingInterest, "Est Logiciels", "pending", "En attente de votre réponse"),
    ]);

    [Fact]
    public async Task Each_company_still_waiting_has_the_two_answer_buttons()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500), DossierWithInterests());
        using var client = await site.SignInAsync("Jonas Muller", []);

        var page = await (await client.GetAsync(Space)).ReadPageAsync();

        Assert.Matches($"<form method=\"post\" aria-label=\"Ma réponse à Est Logiciels\" action=\"{Space}\\?handler=Interest\">", page);
        Assert.Contains($"<input type=\"hidden\" name=\"interestId\" value=\"{PendingInterest}\" />", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "J'accepte d'être contacté\\(e\\)</button>"));
        Assert.Contains("<button type=\"submit\" name=\"agreed\" value=\"false\" class=\"secondary\">Je refuse</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{AnsweredInterest}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true, "interet-accepte", "Votre accord est enregistré : l'entreprise reçoit vos coordonnées et vos documents.")]
    [InlineData("false", false, "interet-refuse", "Votre refus est enregistré : l'entreprise ne recevra pas vos coordonnées.")]
    public async Task Answering_a_company_posts_the_answer_and_says_what_follows(string value, bool agreed, string done, string notice)
    {
        site.Stub.Api = DossierOr(request => request.Method == "POST" && request.PathAndQuery == $"{Api}/interests/{PendingInterest}/answer"
            ? new StubAnswer(200, Interest(PendingInterest, "Est Logiciels", agreed ? "agreed" : "declined", "Répondu"))
            : new StubAnswer(500), DossierWithInterests());
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await PostAsync(client, Space, "Interest", ("interestId", PendingInterest.ToString()), ("agreed", value));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Space}?etat={done}#interets", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal("Bearer jonas-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal(agreed, body.RootElement.GetProperty("agreed").GetBoolean());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains($"<p class=\"notice\" role=\"status\">{notice}</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_already_given_shows_the_apis_detail_in_the_section()
    {
        const string Detail = "Vous avez déjà répondu à cette entreprise.";
        site.Stub.Api = DossierOr(request => request.Method == "POST"
            ? new StubAnswer(409, new { title = "Conflit.", status = 409, detail = Detail })
            : new StubAnswer(500), DossierWithInterests());
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, Space, "Interest", ("interestId", PendingInterest.ToString()), ("agreed", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Interests-erreur\">{Detail}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#Interests\">{Detail}</a></li>", page, StringComparison.Ordinal);
    }

    // — « Mes demandes » —

    private static object Request(string kind, string label, string state, string stateLabel, bool overdue = false, string? answer = null) => new
    {
        id = Guid.NewGuid(), kind, label, reason = $"Motif de la demande {kind}.", state, stateLabel, createdAt = Submitted.AddDays(5),
        dueOn = "2026-12-07", overdue, answer, answeredBy = answer is null ? null : "Paul Pilote",
        answeredAt = answer is null ? (DateTimeOffset?)null : Submitted.AddDays(12),
    };

    [Fact]
    public async Task The_requests_page_offers_the_three_kinds_says_erasure_is_definitive_and_lists_the_requests()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500), CandidateSpacePagesTests.Dossier(requests:
        [
            Request("objection", "Opposition au traitement de mes données", "open", "En attente de la réponse du pilote", overdue: true),
            Request("correction", "Correction des analyses de la commission", "refused", "Refusée", answer: "L'analyse reflète l'entretien du 5 novembre."),
        ]));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await client.GetAsync($"{RequestsPage}?demande=correction");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Mes demandes</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<legend>Objet de ma demande *</legend>", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"Input_Kind-0\" name=\"Input.Kind\" value=\"correction\" checked=\"checked\" />", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Input_Kind-1\">Opposition au traitement de mes données</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Input_Kind-2\">Clôture et suppression de mon dossier</label>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"warning\" id=\"suppression-definitive\"><strong>Clôture et suppression de mon dossier :</strong> Définitif : si le pilote l'accepte, votre dossier est effacé aussitôt", page, StringComparison.Ordinal);
        Assert.Contains("il ne pourra pas être rétabli", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Reason\">Motif de ma demande *</label>", page, StringComparison.Ordinal);
        // The requests: the open one overdue, the answered one with the pilot's answer.
        Assert.Matches(
            "<tr class=\"en-retard\">\\s*<td>07/11/2026 à 10:00</td>\\s*<td>Opposition au traitement de mes données</td>\\s*<td class=\"motif\">Motif de la demande objection.</td>\\s*"
            + "<td>\\s*En attente de la réponse du pilote\\s*<br /><strong class=\"retard\"><span aria-hidden=\"true\">⚠ </span>En retard</strong>\\s*</td>\\s*<td>07/12/2026</td>",
            page);
        Assert.Matches("<td class=\"motif\">\\s*L'analyse reflète l'entretien du 5 novembre.<br /><span class=\"aide\">le 14/11/2026 à 10:00, par Paul Pilote</span>", page);
        Assert.Single(Regex.Matches(page, "class=\"retard\""));
    }

    [Fact]
    public async Task An_erasure_request_is_posted_with_its_reason_and_the_page_says_the_pilot_answers_within_the_month()
    {
        site.Stub.Api = DossierOr(request => request.Method == "POST" && request.PathAndQuery == $"{Api}/requests"
            ? new StubAnswer(201, Request("erasure", "Clôture et suppression de mon dossier", "open", "En attente"))
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", [], accessToken: "jonas-token");

        var response = await PostAsync(client, RequestsPage, null, ("Input.Kind", "erasure"), ("Input.Reason", "  J'ai retrouvé un emploi durable.  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{RequestsPage}?etat=envoyee#mes-demandes", response.Headers.Location?.ToString());
        var post = Assert.Single(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Equal("Bearer jonas-token", post.Authorization);
        using (var body = JsonDocument.Parse(post.Body))
        {
            Assert.Equal("erasure", body.RootElement.GetProperty("kind").GetString());
            Assert.Equal("J'ai retrouvé un emploi durable.", body.RootElement.GetProperty("reason").GetString());
        }

        var after = await (await client.GetAsync(response.Headers.Location!.ToString())).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Votre demande est transmise au pilote de la commission de votre territoire : il doit vous répondre dans un délai d'un mois, par courriel et sur cette page.</p>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_messages_on_a_request_show_beside_the_kind_and_the_reason()
    {
        site.Stub.Api = DossierOr(request => request.Method == "POST"
            ? Problem(new() { ["reason"] = ["Le motif est obligatoire."], ["kind"] = ["Ce type de demande n'existe pas."] })
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, RequestsPage, null, ("Input.Kind", "objection"), ("Input.Reason", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Reason-erreur\">Le motif est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*aria-invalid=\"true\"[^>]*name=\"Input.Reason\"|<textarea[^>]*name=\"Input.Reason\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Kind-erreur\">Ce type de demande n'existe pas.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Reason\">Le motif est obligatoire.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"objection\" checked=\"checked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_of_a_kind_already_open_is_said_beside_the_kind()
    {
        const string Detail = "Une demande d'opposition est déjà en cours : le pilote doit y répondre avant le 07/12/2026.";
        site.Stub.Api = DossierOr(request => request.Method == "POST"
            ? new StubAnswer(409, new { title = "Conflit.", status = 409, detail = Detail })
            : new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, RequestsPage, null, ("Input.Kind", "objection"), ("Input.Reason", "Je ne souhaite plus être suivi."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains($"<span class=\"erreur-champ\" id=\"Input_Kind-erreur\">{Detail}</span>", page, StringComparison.Ordinal);
        Assert.Equal("Je ne souhaite plus être suivi.", TextArea(page, "Input.Reason"));
    }

    [Fact]
    public async Task A_request_without_a_kind_is_refused_without_calling_the_api()
    {
        site.Stub.Api = DossierOr(_ => new StubAnswer(500));
        using var client = await site.SignInAsync("Jonas Muller", []);

        var response = await PostAsync(client, RequestsPage, null, ("Input.Reason", "Un motif."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Kind-erreur\">Choisissez l'objet de votre demande.</span>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    // — Who may see them —

    [Theory]
    [InlineData(RectificationPage)]
    [InlineData(RequestsPage)]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [InlineData(RectificationPage, "Input.Identification.Phone")]
    [InlineData(RequestsPage, "Input.Reason")]
    [InlineData(Space + "?handler=Commitment", "Commitment.Kind")]
    public async Task A_form_posted_without_a_session_sends_nothing(string path, string field)
    {
        using var client = site.CreateClient();

        var response = await client.PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create(field, "found_job")]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
