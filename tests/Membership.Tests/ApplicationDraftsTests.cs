using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Data;

namespace Membership.Tests;

/// <summary>The applicant's side of « Devenir adhérent » over HTTP: part 1, the draft's key, part 2, submission.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ApplicationDraftsTests(MembershipService service)
{
    private readonly Applicants _applicants = new(service);

    private const string Drafts = "/api/membership/application-drafts";

    // ---- Part 1 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Part_1_opens_an_unconfirmed_account_without_password_and_a_draft_and_gives_its_key_once()
    {
        var suffix = Applicants.NewSuffix();
        using var anonymous = _applicants.Anonymous();

        var response = await anonymous.PostAsJsonAsync(Drafts, Applicants.Part1(suffix));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        var key = view.GetProperty("key").GetString()!;
        Assert.Equal($"/api/membership/application-drafts/{id}", response.Headers.Location?.OriginalString);
        Assert.True(key.Length >= 40, key);
        Assert.Equal("draft", view.GetProperty("status").GetString());
        Assert.Equal("Brouillon", view.GetProperty("statusLabel").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("submittedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("dueOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("daysLeft").ValueKind);
        Assert.False(view.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("decision").ValueKind);

        var referent = view.GetProperty("referent");
        Assert.Equal($"marie.curie-{suffix}@exemple.fr", referent.GetProperty("email").GetString());
        Assert.Equal($"mcurie-{suffix}", referent.GetProperty("userName").GetString());
        Assert.Equal("Madame", referent.GetProperty("civility").GetString());
        Assert.Equal("Curie", referent.GetProperty("lastName").GetString());
        Assert.Equal("Marie", referent.GetProperty("firstName").GetString());
        Assert.Equal("DRH", referent.GetProperty("function").GetString());
        Assert.False(referent.GetProperty("hasPhoto").GetBoolean());
        Assert.Equal("+33612345678", referent.GetProperty("mobilePhone").GetString());
        Assert.Equal("+33388000000", referent.GetProperty("landlinePhone").GetString());
        var workplace = referent.GetProperty("workplace");
        Assert.Equal(("Siège", "N/A", "1 rue X", "67000", "Strasbourg"), (
            workplace.GetProperty("siteName").GetString(), workplace.GetProperty("zone").GetString(), workplace.GetProperty("address").GetString(),
            workplace.GetProperty("postalCode").GetString(), workplace.GetProperty("city").GetString()));
        Assert.Equal(["Evénement public"], referent.GetProperty("notificationCategories").Deserialize<string[]>()!);

        var organisation = view.GetProperty("organisation");
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("name").ValueKind);
        Assert.False(organisation.GetProperty("hasLogo").GetBoolean());
        Assert.Empty(organisation.GetProperty("mainActivities").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("perimeter").ValueKind);
        Assert.False(organisation.GetProperty("commitments").GetProperty("delegation").GetBoolean());
        Assert.Equal(referent.GetProperty("accountId").GetGuid(), organisation.GetProperty("hrContact").GetProperty("accountId").GetGuid());
        Assert.Contains("logo", view.GetProperty("missing").EnumerateObject().Select(p => p.Name));

        // The account: unconfirmed, no password, no role, no organisation. The key is not stored, only its hash.
        var accountId = referent.GetProperty("accountId").GetGuid();
        var account = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == accountId));
        Assert.Null(account.EmailConfirmedAt);
        Assert.Null(account.PasswordHash);
        Assert.Empty(account.Roles);
        Assert.Null(account.OrganisationId);
        var application = await service.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(accountId, application.ReferentAccountId);
        Assert.Equal(AccountToken.Hash(key), application.KeyHash);
        Assert.DoesNotContain(key, application.KeyHash, StringComparison.Ordinal);
        Assert.NotEqual(default, application.ConsentGivenAt);

        // « Confirmez votre adresse et choisissez votre mot de passe »: the link works once.
        var opened = Assert.Single(await _applicants.EventsAsync<ApplicantAccountOpened>(id));
        Assert.Equal((accountId, id, $"marie.curie-{suffix}@exemple.fr", "Marie", "Curie"), (opened.AccountId, opened.ApplicationId, opened.Email, opened.FirstName, opened.LastName));
        Assert.Contains("compte/nouveau-mot-de-passe?jeton=", opened.SetPasswordLink.ToString(), StringComparison.Ordinal);
        Assert.True(opened.ExpiresAt > DateTimeOffset.UtcNow.AddHours(1));
        var secret = Uri.UnescapeDataString(opened.SetPasswordLink.Query.Split("jeton=")[1]);
        var chosen = await anonymous.PostAsJsonAsync("/api/membership/password-resets", new { token = secret, password = "Quetsche-Lorraine-2026" });
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);
        account = await service.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == accountId));
        Assert.NotNull(account.EmailConfirmedAt);
        Assert.NotNull(account.PasswordHash);

        var preferences = Assert.Single(await _applicants.EventsAsync<NotificationPreferencesChanged>(accountId));
        Assert.Equal(["Evénement public"], preferences.Categories);

        // The key is given once: reading the draft again does not repeat it.
        using var withKey = _applicants.WithKey(key);
        var again = await withKey.GetFromJsonAsync<JsonElement>($"{Drafts}/{id}");
        Assert.False(again.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task Part_1_with_only_the_required_answers_is_enough()
    {
        var suffix = Applicants.NewSuffix();
        using var anonymous = _applicants.Anonymous();

        var response = await anonymous.PostAsJsonAsync(Drafts, new
        {
            email = $"minimal-{suffix}@exemple.fr", userName = $"minimal {suffix}", civility = "Monsieur", lastName = "Martin", firstName = "Paul", consent = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referent = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referent");
        Assert.Equal(JsonValueKind.Null, referent.GetProperty("mobilePhone").ValueKind);
        Assert.Equal("N/A", referent.GetProperty("workplace").GetProperty("zone").GetString());
        Assert.Empty(referent.GetProperty("notificationCategories").EnumerateArray());
    }

    public static TheoryData<string, object?, string> InvalidPart1() => new()
    {
        { "email", "pas-une-adresse", "L'adresse de courriel n'est pas valide." },
        { "email", null, "L'adresse de courriel est obligatoire." },
        { "userName", "marie#curie", "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @." },
        { "userName", "", "Le nom d'utilisateur est obligatoire." },
        { "civility", "Docteur", "La civilité doit être l'une des valeurs : Madame, Monsieur." },
        { "civility", null, "La civilité est obligatoire." },
        { "lastName", " ", "Le nom est obligatoire." },
        { "firstName", null, "Le prénom est obligatoire." },
        { "function", new string('f', 101), "La fonction ne doit pas dépasser 100 caractères." },
        { "photo", Convert.ToBase64String("Ceci n'est pas une image."u8.ToArray()), "La photo doit être une image PNG, JPEG ou GIF." },
        { "photo", "pas du base64 !", "La photo n'a pas pu être lue : le fichier doit être transmis en base64." },
        { "mobilePhone", "03 88 00 00 00", "Le téléphone mobile n'est pas un numéro de mobile." },
        { "mobilePhone", "06 12", "Le téléphone mobile n'est pas un numéro valide (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78)." },
        { "landlinePhone", "bonjour", "Le téléphone fixe n'est pas un numéro valide (par exemple 06 12 34 56 78 ou +33 6 12 34 56 78)." },
        { "workplace.siteName", new string('s', 201), "Le nom du site ne doit pas dépasser 200 caractères." },
        { "workplace.zone", "Bas-Rhin", "La zone géographique doit être l'une des valeurs : N/A, Alsace : Bas-Rhin (67), Alsace : Haut-Rhin (68), Lorraine : Meurthe-et-Moselle (54), Lorraine : Meuse (55), Lorraine : Moselle (57), Lorraine : Vosges (88), Champagne Ardennes : Ardennes (08), Champagne Ardennes : Aube (10), Champagne Ardennes : Marne (51), Champagne Ardennes : Haute-Marne (52), Territoire de Belfort (90)." },
        { "workplace.address", new string('a', 201), "L'adresse ne doit pas dépasser 200 caractères." },
        { "workplace.postalCode", "6700", "Le code postal doit comporter 5 chiffres." },
        { "workplace.city", new string('v', 201), "La ville ne doit pas dépasser 200 caractères." },
        { "notificationCategories", new[] { "Evénement public", "Evénements publics" }, "Les notifications : valeur inconnue « Evénements publics ». Valeurs possibles : Evénement public, Vie de l'association, Commission Aide au Recrutement, Commission Adaptation des Compétences, Processus & Documentation." },
        { "consent", false, "Vous devez confirmer avoir pris connaissance des conditions d'utilisation des données de votre profil utilisateur (mentions légales)." },
        { "consent", null, "Vous devez confirmer avoir pris connaissance des conditions d'utilisation des données de votre profil utilisateur (mentions légales)." },
    };

    [Theory]
    [MemberData(nameof(InvalidPart1))]
    public async Task Each_invalid_answer_of_part_1_is_refused_under_its_key_and_nothing_is_written(string key, object? value, string message)
    {
        var suffix = Applicants.NewSuffix();
        var body = Applicants.Part1(suffix);
        // A valid photo besides: it must not be stored either.
        body["photo"] = TestImages.Base64(TestImages.Jpeg(400, 400));
        if (key.StartsWith("workplace.", StringComparison.Ordinal))
        {
            ((Dictionary<string, object?>)body["workplace"]!)[key["workplace.".Length..]] = value;
        }
        else
        {
            body[key] = value;
        }

        var before = await _applicants.CountsAsync();
        using var anonymous = _applicants.Anonymous();

        var errors = await Applicants.ValidationErrorsAsync(await anonymous.PostAsJsonAsync(Drafts, body));

        Assert.Equal([key], errors.Keys);
        Assert.Equal([message], errors[key]);
        Assert.Equal(before, await _applicants.CountsAsync());
        Assert.False(await service.QueryAsync(db => db.Accounts.AnyAsync(a => a.UserName == $"mcurie-{suffix}" || a.Email == $"marie.curie-{suffix}@exemple.fr")));
    }

    [Fact]
    public async Task An_unexpected_field_is_refused_and_every_problem_is_listed_at_once()
    {
        var body = Applicants.Part1(Applicants.NewSuffix());
        body["password"] = "Quetsche-Lorraine-2026";
        body["lastName"] = "";
        body["consent"] = false;
        var before = await _applicants.CountsAsync();
        using var anonymous = _applicants.Anonymous();

        var errors = await Applicants.ValidationErrorsAsync(await anonymous.PostAsJsonAsync(Drafts, body));

        Assert.Equal(new HashSet<string> { "password", "lastName", "consent" }, errors.Keys.ToHashSet());
        Assert.Equal(["Ce champ n'est pas attendu."], errors["password"]);
        Assert.Equal(before, await _applicants.CountsAsync());
    }

    [Fact]
    public async Task An_e_mail_address_or_a_user_name_already_taken_is_refused_and_nothing_is_written()
    {
        var first = await _applicants.OpenAsync(Applicants.NewSuffix());
        var before = await _applicants.CountsAsync();
        using var anonymous = _applicants.Anonymous();

        var sameEmail = Applicants.Part1(Applicants.NewSuffix());
        sameEmail["email"] = first.Email.ToUpperInvariant();
        var sameUserName = Applicants.Part1(Applicants.NewSuffix());
        sameUserName["userName"] = $" {first.UserName.ToUpperInvariant()} ";
        var userNameIsAnEmail = Applicants.Part1(Applicants.NewSuffix());
        userNameIsAnEmail["userName"] = first.Email;

        Assert.Equal(["Un compte existe déjà avec cette adresse de courriel."], (await Applicants.ValidationErrorsAsync(await anonymous.PostAsJsonAsync(Drafts, sameEmail)))["email"]);
        Assert.Equal(["Ce nom d'utilisateur est déjà pris."], (await Applicants.ValidationErrorsAsync(await anonymous.PostAsJsonAsync(Drafts, sameUserName)))["userName"]);
        Assert.Equal(["Ce nom d'utilisateur est déjà pris."], (await Applicants.ValidationErrorsAsync(await anonymous.PostAsJsonAsync(Drafts, userNameIsAnEmail)))["userName"]);
        Assert.Equal(before, await _applicants.CountsAsync());
    }

    [Fact]
    public async Task A_photo_given_in_part_1_is_stored_scaled_and_served_to_the_key_only()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix(), body => body["photo"] = TestImages.Base64(TestImages.Jpeg(900, 600)));
        using var withKey = _applicants.WithKey(draft.Key);
        using var anonymous = _applicants.Anonymous();

        Assert.True(draft.View.GetProperty("referent").GetProperty("hasPhoto").GetBoolean());
        var photo = await withKey.GetAsync($"{Drafts}/{draft.Id}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal((300, 200), TestImages.SizeOf(await photo.Content.ReadAsByteArrayAsync()));
        Assert.Contains("no-store", photo.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Drafts}/{draft.Id}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await withKey.GetAsync($"{Drafts}/{draft.Id}/logo")).StatusCode);
    }

    // ---- Who opens a draft ------------------------------------------------------------------------------------

    [Fact]
    public async Task The_key_or_the_referents_own_token_opens_the_draft_anything_else_is_a_404()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var other = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var withKey = _applicants.WithKey(draft.Key);
        using var wrongKey = _applicants.WithKey(draft.Key[..^2] + "xx");
        using var otherKey = _applicants.WithKey(other.Key);
        using var noKey = _applicants.Anonymous();
        using var referent = _applicants.AsReferent(draft);
        using var someoneElse = service.CreateClient(service.Tokens.ForPerson([]));
        using var otherReferent = _applicants.AsReferent(other);
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var path = $"{Drafts}/{draft.Id}";

        Assert.Equal(draft.Id, (await withKey.GetFromJsonAsync<JsonElement>(path)).GetProperty("id").GetGuid());
        Assert.Equal(draft.Id, (await referent.GetFromJsonAsync<JsonElement>(path)).GetProperty("id").GetGuid());
        foreach (var (label, client) in new[] { ("wrong key", wrongKey), ("another draft's key", otherKey), ("no key", noKey), ("another person", someoneElse), ("another referent", otherReferent), ("an administrator", admin) })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{label}: {(int)response.StatusCode}");
            Assert.Equal("Cette demande d'adhésion n'existe pas, ou la clé qui l'ouvre n'est pas la bonne.", await Applicants.ProblemDetailAsync(response, HttpStatusCode.NotFound));
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"{path}/organisation", new { name = "Détournement" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{path}/submission", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}/hr-contacts")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await withKey.GetAsync($"{Drafts}/{Guid.NewGuid()}")).StatusCode);
        Assert.Null((await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Organisation).SingleAsync())).Name);
    }

    [Fact]
    public async Task A_logged_in_referent_finds_their_draft_and_others_have_none()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var referent = _applicants.AsReferent(draft);
        using var someoneElse = service.CreateClient(service.Tokens.ForPerson([]));

        var mine = await referent.GetAsync($"{Drafts}/mine");
        var none = await someoneElse.GetAsync($"{Drafts}/mine");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(draft.Id, (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("Vous n'avez pas de demande d'adhésion en cours de saisie.", await Applicants.ProblemDetailAsync(none, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_HR_contacts_of_a_draft_are_its_referent()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var withKey = _applicants.WithKey(draft.Key);

        var people = await withKey.GetFromJsonAsync<JsonElement>($"{Drafts}/{draft.Id}/hr-contacts");

        var person = Assert.Single(people.EnumerateArray());
        Assert.Equal(draft.AccountId, person.GetProperty("accountId").GetGuid());
        Assert.Equal(draft.UserName, person.GetProperty("userName").GetString());
        Assert.Equal("Marie Curie", person.GetProperty("name").GetString());
    }

    // ---- Part 1 corrected -----------------------------------------------------------------------------------

    [Fact]
    public async Task Part_1_can_be_corrected_while_a_draft_the_photo_kept_when_absent_and_replaced_when_given()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix(), body => body["photo"] = TestImages.Base64(TestImages.Png(100, 100)));
        var firstPhoto = await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.PhotoImageId).SingleAsync());
        using var withKey = _applicants.WithKey(draft.Key);
        var path = $"{Drafts}/{draft.Id}/referent";
        var correction = new Dictionary<string, object?>
        {
            ["civility"] = "Madame", ["lastName"] = "Skłodowska-Curie", ["firstName"] = "Maria", ["function"] = null,
            ["mobilePhone"] = "+33 7 81 23 45 67", ["landlinePhone"] = null,
            ["workplace"] = new { siteName = "Agence", zone = "Lorraine : Moselle (57)", address = (string?)null, postalCode = "57000", city = "Metz" },
            ["notificationCategories"] = new[] { "Processus & Documentation", "Evénement public" },
        };

        var kept = await withKey.PutAsJsonAsync(path, correction);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var referent = (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referent");
        Assert.Equal("Skłodowska-Curie", referent.GetProperty("lastName").GetString());
        Assert.Equal(JsonValueKind.Null, referent.GetProperty("function").ValueKind);
        Assert.Equal("+33781234567", referent.GetProperty("mobilePhone").GetString());
        Assert.Equal(JsonValueKind.Null, referent.GetProperty("landlinePhone").ValueKind);
        Assert.Equal("Lorraine : Moselle (57)", referent.GetProperty("workplace").GetProperty("zone").GetString());
        Assert.Equal(["Evénement public", "Processus & Documentation"], referent.GetProperty("notificationCategories").Deserialize<string[]>()!);
        Assert.True(referent.GetProperty("hasPhoto").GetBoolean());
        Assert.Equal(firstPhoto, await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.PhotoImageId).SingleAsync()));
        Assert.Equal(draft.Email, referent.GetProperty("email").GetString());

        correction["photo"] = TestImages.Base64(TestImages.Png(50, 80));
        Assert.Equal(HttpStatusCode.OK, (await withKey.PutAsJsonAsync(path, correction)).StatusCode);
        var secondPhoto = await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.PhotoImageId).SingleAsync());
        Assert.NotEqual(firstPhoto, secondPhoto);
        Assert.False(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == firstPhoto)));
        Assert.Equal((50, 80), TestImages.SizeOf(await withKey.GetByteArrayAsync($"{Drafts}/{draft.Id}/photo")));
    }

    [Fact]
    public async Task An_invalid_correction_of_part_1_changes_nothing_and_the_account_identity_is_not_part_of_it()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var withKey = _applicants.WithKey(draft.Key);
        var before = await _applicants.CountsAsync();

        var errors = await Applicants.ValidationErrorsAsync(await withKey.PutAsJsonAsync($"{Drafts}/{draft.Id}/referent", new
        {
            email = "autre@exemple.fr", civility = "Madame", lastName = "Curie", firstName = "Marie", mobilePhone = "03 88 00 00 00",
            photo = TestImages.Base64(TestImages.NoisyPng(620, 620)),
        }));

        Assert.Equal(new HashSet<string> { "email", "mobilePhone", "photo" }, errors.Keys.ToHashSet());
        Assert.Equal(["Ce champ n'est pas attendu."], errors["email"]);
        Assert.Equal(before, await _applicants.CountsAsync());
        var account = await service.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == draft.AccountId));
        Assert.Equal((draft.Email, "+33612345678"), (account.Email, account.MobilePhone));
    }

    // ---- Part 2 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Part_2_saves_partial_answers_and_missing_lists_what_submission_still_needs()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var missingAtFirst = draft.View.GetProperty("missing").Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(
            new HashSet<string>
            {
                "name", "category", "regionalHeadOffice", "logo", "digitalSector", "perimeter.alsace", "perimeter.champagneArdenne", "perimeter.lorraine",
                "commitments.delegation", "commitments.statutes",
            },
            missingAtFirst.Keys.ToHashSet());
        Assert.Equal(["Le logo est obligatoire."], missingAtFirst["logo"]);

        var view = await _applicants.SaveOrganisationAsync(draft, new Dictionary<string, object?>
        {
            ["name"] = "  Numérique & Co  ", ["category"] = "Partenaire Soutien", ["website"] = "https://exemple.fr",
            ["presentation"] = "<p onclick=\"vol()\">Bonjour <a href=\"javascript:alert(1)\">ici</a></p><script>alert(1)</script>",
            ["perimeter"] = new { alsace = 0, champagneArdenne = 0, lorraine = 0 },
        });

        var organisation = view.GetProperty("organisation");
        Assert.Equal("Numérique & Co", organisation.GetProperty("name").GetString());
        Assert.Equal("Partenaire Soutien", organisation.GetProperty("category").GetString());
        Assert.Equal("https://exemple.fr/", organisation.GetProperty("website").GetString());
        Assert.Equal("<p>Bonjour <a>ici</a></p>", organisation.GetProperty("presentation").GetString());
        Assert.Equal(0, organisation.GetProperty("perimeter").GetProperty("alsace").GetInt32());
        var missing = view.GetProperty("missing").Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(
            new HashSet<string> { "regionalHeadOffice", "logo", "digitalSector", "perimeter", "commitments.delegation", "commitments.statutes" },
            missing.Keys.ToHashSet());
        Assert.Equal(["Indiquez un nombre supérieur à 0 pour au moins un territoire : l'adhésion doit couvrir au moins l'un d'eux."], missing["perimeter"]);

        var complete = await _applicants.SaveOrganisationAsync(draft, Applicants.Part2($"Numérique & Co {Applicants.NewSuffix()}"));
        Assert.Empty(complete.GetProperty("missing").EnumerateObject());
        Assert.Equal(JsonValueKind.Object, complete.GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task A_complete_part_2_is_shown_back_as_saved()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var part2 = Applicants.Part2("Numérique & Co " + Applicants.NewSuffix());
        part2["hrContactUserName"] = draft.UserName.ToUpperInvariant();

        var organisation = (await _applicants.SaveOrganisationAsync(draft, part2)).GetProperty("organisation");

        Assert.True(organisation.GetProperty("hasLogo").GetBoolean());
        Assert.Equal("<p>Rejoignez <strong>l'équipe</strong></p>", organisation.GetProperty("presentation").GetString());
        Assert.True(organisation.GetProperty("digitalSector").GetBoolean());
        Assert.Equal("StartUp", organisation.GetProperty("companyType").GetString());
        Assert.Equal(["ESN - Agence Web"], organisation.GetProperty("mainActivities").Deserialize<string[]>()!);
        Assert.Equal(["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)"], organisation.GetProperty("interventionDepartements").Deserialize<string[]>()!);
        Assert.Equal(4, organisation.GetProperty("startup").GetProperty("headcount").GetInt32());
        Assert.Equal("Moins de 300 K€", organisation.GetProperty("startup").GetProperty("turnoverBand").GetString());
        Assert.True(organisation.GetProperty("startup").GetProperty("syntecStartupPack").GetBoolean());
        Assert.Equal((12, 0, 3), (organisation.GetProperty("perimeter").GetProperty("alsace").GetInt32(),
            organisation.GetProperty("perimeter").GetProperty("champagneArdenne").GetInt32(), organisation.GetProperty("perimeter").GetProperty("lorraine").GetInt32()));
        Assert.True(organisation.GetProperty("commitments").GetProperty("statutes").GetBoolean());
        Assert.Equal(draft.AccountId, organisation.GetProperty("hrContact").GetProperty("accountId").GetGuid());
        Assert.Equal("Marie Curie", organisation.GetProperty("hrContact").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("affiliation").ValueKind);

        using var withKey = _applicants.WithKey(draft.Key);
        var logo = await withKey.GetAsync($"{Drafts}/{draft.Id}/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal((300, 150), TestImages.SizeOf(await logo.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Startup_facts_are_dropped_when_the_company_is_not_a_StartUp()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var part2 = Applicants.Part2("Numérique & Co " + Applicants.NewSuffix());
        part2["companyType"] = "PME : 10-250 personnes";

        var view = await _applicants.SaveOrganisationAsync(draft, part2);

        Assert.Equal(JsonValueKind.Null, view.GetProperty("organisation").GetProperty("startup").ValueKind);
        Assert.Empty(view.GetProperty("missing").EnumerateObject());
    }

    [Fact]
    public async Task A_StartUp_that_does_not_meet_the_definition_is_told_so_in_missing()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var part2 = Applicants.Part2("Numérique & Co " + Applicants.NewSuffix());
        part2["startup"] = new { creationDate = "2015-06-01", headcount = 40, turnoverBand = "300 K€ ou plus", syntecStartupPack = false };

        var view = await _applicants.SaveOrganisationAsync(draft, part2);

        var missing = view.GetProperty("missing").Deserialize<Dictionary<string, string[]>>()!;
        Assert.Equal(["companyType"], missing.Keys);
        Assert.StartsWith("Votre entreprise ne répond pas à la définition d'une startup.", missing["companyType"][0], StringComparison.Ordinal);
    }

    public static TheoryData<string, object?> InvalidPart2() => new()
    {
        { "name", new string('n', 201) },
        { "category", "Entreprises" },
        { "regionalHeadOffice", new string('r', 201) },
        { "logo", TestImages.Base64(TestImages.NoisyPng(300, 300)) },
        { "logo", Convert.ToBase64String("GIF89a mais pas une image"u8.ToArray()) },
        { "logo", TestImages.Base64(TestImages.PngClaiming(20000, 20000)) },
        { "presentation", "<p>" + new string('p', 20_001) + "</p>" },
        { "website", "javascript:alert(1)" },
        { "companyType", "Startup" },
        { "mainActivities", new[] { "ESN - Agence web" } },
        { "siteDepartements", new[] { "Bas-Rhin (67)" } },
        { "interventionDepartements", new[] { "Marne" } },
        { "affiliationOrganisationId", Guid.NewGuid() },
        { "hrContactUserName", "quelqu'un d'autre" },
        { "startup.headcount", -1 },
        { "startup.turnoverBand", "Beaucoup" },
        { "perimeter.alsace", -5 },
        { "perimeter.champagneArdenne", 2_000_000 },
        { "perimeter.lorraine", -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidPart2))]
    public async Task Each_invalid_answer_of_part_2_is_refused_under_its_key_and_the_draft_is_unchanged(string key, object? value)
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var saved = await _applicants.SaveOrganisationAsync(draft, Applicants.Part2("Avant " + Applicants.NewSuffix()));
        var stored = await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Organisation).SingleAsync());
        var part2 = Applicants.Part2("Après " + Applicants.NewSuffix());
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            ((Dictionary<string, object?>)part2[key[..dot]]!)[key[(dot + 1)..]] = value;
        }
        else
        {
            part2[key] = value;
        }

        var before = await _applicants.CountsAsync();
        using var withKey = _applicants.WithKey(draft.Key);

        var errors = await Applicants.ValidationErrorsAsync(await withKey.PutAsJsonAsync($"{Drafts}/{draft.Id}/organisation", part2));

        Assert.Equal([key], errors.Keys);
        Assert.Single(errors[key]);
        Assert.Equal(before, await _applicants.CountsAsync());
        var after = await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Organisation).SingleAsync());
        Assert.Equal(stored.Name, after.Name);
        Assert.Equal(stored.LogoImageId, after.LogoImageId);
        Assert.True(saved.GetProperty("organisation").GetProperty("hasLogo").GetBoolean());
    }

    [Fact]
    public async Task The_logo_is_kept_when_absent_and_the_old_one_erased_when_replaced()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var part2 = Applicants.Part2("Numérique & Co " + Applicants.NewSuffix());
        await _applicants.SaveOrganisationAsync(draft, part2);
        var firstLogo = await LogoOfAsync(draft.Id);

        part2["logo"] = null;
        Assert.True((await _applicants.SaveOrganisationAsync(draft, part2)).GetProperty("organisation").GetProperty("hasLogo").GetBoolean());
        Assert.Equal(firstLogo, await LogoOfAsync(draft.Id));

        part2["logo"] = TestImages.Base64(TestImages.Gif(40, 40));
        await _applicants.SaveOrganisationAsync(draft, part2);
        var secondLogo = await LogoOfAsync(draft.Id);
        Assert.NotEqual(firstLogo, secondLogo);
        Assert.False(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == firstLogo)));
        Assert.True(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == secondLogo)));
    }

    [Fact]
    public async Task Only_a_member_professional_organisation_can_be_the_affiliation()
    {
        var suffix = Applicants.NewSuffix();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var professional = await CreateOrganisationAsync(admin, $"Fédération {suffix}", MembershipForm.ProfessionalOrganisation);
        var company = await CreateOrganisationAsync(admin, $"Entreprise {suffix}", "Entreprise");
        var draft = await _applicants.OpenAsync(suffix);
        var part2 = Applicants.Part2($"Affiliée {suffix}");
        using var withKey = _applicants.WithKey(draft.Key);

        part2["affiliationOrganisationId"] = company;
        var refused = await Applicants.ValidationErrorsAsync(await withKey.PutAsJsonAsync($"{Drafts}/{draft.Id}/organisation", part2));
        Assert.Equal(["L'affiliation doit être une organisation professionnelle membre de Numéric'Emploi Grand Est."], refused["affiliationOrganisationId"]);

        part2["affiliationOrganisationId"] = professional;
        var affiliation = (await _applicants.SaveOrganisationAsync(draft, part2)).GetProperty("organisation").GetProperty("affiliation");
        Assert.Equal(professional, affiliation.GetProperty("organisationId").GetGuid());
        Assert.Equal($"Fédération {suffix}", affiliation.GetProperty("name").GetString());
    }

    // ---- Submission -------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_incomplete_application_is_not_submitted_and_says_what_is_missing()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var part2 = Applicants.Part2("Incomplète " + Applicants.NewSuffix());
        part2["logo"] = null;
        part2["perimeter"] = new { alsace = 0, champagneArdenne = 0, lorraine = 0 };
        part2["commitments"] = new { delegation = true, statutes = false };
        part2["startup"] = null;
        await _applicants.SaveOrganisationAsync(draft, part2);
        using var withKey = _applicants.WithKey(draft.Key);

        var errors = await Applicants.ValidationErrorsAsync(await withKey.PostAsync($"{Drafts}/{draft.Id}/submission", null));

        Assert.Equal(
            new HashSet<string> { "logo", "perimeter", "commitments.statutes", "startup.creationDate", "startup.headcount", "startup.turnoverBand" },
            errors.Keys.ToHashSet());
        Assert.Equal(["Le logo est obligatoire."], errors["logo"]);
        Assert.Equal(ApplicationStatus.Draft, await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Status).SingleAsync()));
        Assert.Empty(await _applicants.EventsAsync<MembershipApplicationSubmitted>(draft.Id));
    }

    [Fact]
    public async Task A_complete_application_is_submitted_due_in_15_days_and_sent_to_the_president_with_the_applicants_copy()
    {
        var suffix = Applicants.NewSuffix();
        var name = $"Numérique & Co {suffix}";
        var draft = await _applicants.OpenAsync(suffix);
        await _applicants.SaveOrganisationAsync(draft, Applicants.Part2(name));

        var view = await _applicants.SubmitAsync(draft);

        Assert.Equal("submitted", view.GetProperty("status").GetString());
        Assert.Equal("Déposée", view.GetProperty("statusLabel").GetString());
        var submittedAt = view.GetProperty("submittedAt").GetDateTimeOffset();
        Assert.InRange(submittedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var dueOn = DateOnly.Parse(view.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ParisTime.DateOf(submittedAt).AddDays(15), dueOn);
        Assert.Equal(dueOn.DayNumber - ParisTime.DateOf(DateTimeOffset.UtcNow).DayNumber, view.GetProperty("daysLeft").GetInt32());
        Assert.False(view.GetProperty("overdue").GetBoolean());
        Assert.Empty(view.GetProperty("missing").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("decision").ValueKind);
        var application = await service.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == draft.Id));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(name.ToUpperInvariant(), application.NormalizedOrganisationName);
        Assert.Equal(dueOn, application.DecisionDueOn);

        var submitted = Assert.Single(await _applicants.EventsAsync<MembershipApplicationSubmitted>(draft.Id));
        Assert.Equal((draft.Id, name, draft.Email), (submitted.ApplicationId, submitted.OrganisationName, submitted.ContactEmail));
        Assert.Equal("Marie Curie", submitted.ContactName);
        Assert.Equal("Entreprise", submitted.Category);
        Assert.Equal(dueOn, submitted.DecisionDueOn);
        Assert.EndsWith($"/espace-membre/adhesions/{draft.Id}", submitted.ExtranetLink?.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            [
                "Compte utilisateur", "Coordonnées individuelles", "Lieu de travail habituel", "Notifications de publication d'une actualité",
                "Identification de l'organisme", "Caractéristiques de l'activité de l'entreprise", "Périmètre d'adhésion", "Clauses d'engagement",
            ],
            submitted.Contents.Select(section => section.Title));
        var fields = submitted.Contents.SelectMany(section => section.Fields).ToDictionary(field => field.Label, field => field.Value);
        Assert.Equal(draft.Email, fields["Adresse de courriel"]);
        Assert.Equal("+33612345678", fields["Téléphone mobile"]);
        Assert.Equal(name, fields["Raison sociale"]);
        Assert.Equal("Rejoignez l'équipe", string.Join(' ', fields["Présentation"].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("StartUp", fields["Type d'entreprise"]);
        Assert.Equal("Oui", fields["Pack Startup de Syntec Numérique"]);
        Assert.Equal("Alsace : Bas-Rhin (67) ; Lorraine : Moselle (57)", fields["Zones géographiques d'intervention"]);
        Assert.Equal(("12", "0", "3"), (fields["Adhésion pour l'Alsace"], fields["Adhésion pour Champagne-Ardenne"], fields["Adhésion pour Lorraine"]));
        Assert.Equal("Oui", fields[MembershipForm.DelegationCommitment]);
        Assert.Equal("Oui", fields[MembershipForm.StatutesCommitment]);
        Assert.Equal($"Marie Curie ({draft.UserName})", fields["Contact des ressources humaines"]);
    }

    [Fact]
    public async Task A_submitted_application_can_be_neither_submitted_again_nor_changed()
    {
        var draft = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        using var withKey = _applicants.WithKey(draft.Key);
        using var referent = _applicants.AsReferent(draft);

        var again = await withKey.PostAsync($"{Drafts}/{draft.Id}/submission", null);
        var organisation = await withKey.PutAsJsonAsync($"{Drafts}/{draft.Id}/organisation", Applicants.Part2("Autre nom"));
        var referentPart = await referent.PutAsJsonAsync($"{Drafts}/{draft.Id}/referent", new { civility = "Monsieur", lastName = "X", firstName = "Y" });

        Assert.Equal("Cette demande d'adhésion a déjà été transmise à l'association.", await Applicants.ProblemDetailAsync(again, HttpStatusCode.Conflict));
        Assert.Equal("Cette demande d'adhésion a été transmise : elle ne peut plus être modifiée.", await Applicants.ProblemDetailAsync(organisation, HttpStatusCode.Conflict));
        Assert.Equal("Cette demande d'adhésion a été transmise : elle ne peut plus être modifiée.", await Applicants.ProblemDetailAsync(referentPart, HttpStatusCode.Conflict));
        Assert.Single(await _applicants.EventsAsync<MembershipApplicationSubmitted>(draft.Id));
        Assert.Equal("submitted", (await withKey.GetFromJsonAsync<JsonElement>($"{Drafts}/{draft.Id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"{Drafts}/mine")).StatusCode);
        Assert.Equal("Curie", await service.QueryAsync(db => db.Accounts.Where(a => a.Id == draft.AccountId).Select(a => a.LastName).SingleAsync()));
    }

    [Fact]
    public async Task Simultaneous_submissions_send_the_application_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
            await _applicants.SaveOrganisationAsync(draft, Applicants.Part2("Double clic " + Applicants.NewSuffix()));
            using var withKey = _applicants.WithKey(draft.Key);

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => withKey.PostAsync($"{Drafts}/{draft.Id}/submission", null)));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            Assert.Single(await _applicants.EventsAsync<MembershipApplicationSubmitted>(draft.Id));
        }
    }

    [Fact]
    public async Task Part_2_saved_while_the_application_is_submitted_never_changes_what_was_sent()
    {
        for (var round = 0; round < 4; round++)
        {
            var suffix = Applicants.NewSuffix();
            var draft = await _applicants.OpenAsync(suffix);
            await _applicants.SaveOrganisationAsync(draft, Applicants.Part2($"Envoyée {suffix}"));
            using var withKey = _applicants.WithKey(draft.Key);
            var late = Applicants.Part2($"Modifiée {suffix}", TestImages.Base64(TestImages.Jpeg(2000, 2000)));

            var saving = withKey.PutAsJsonAsync($"{Drafts}/{draft.Id}/organisation", late);
            var submitting = withKey.PostAsync($"{Drafts}/{draft.Id}/submission", null);
            var (save, submit) = (await saving, await submitting);

            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            var sent = Assert.Single(await _applicants.EventsAsync<MembershipApplicationSubmitted>(draft.Id));
            var stored = await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Organisation).SingleAsync());
            Assert.Equal(sent.OrganisationName, stored.Name);
            Assert.True(save.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{save.StatusCode}");
            Assert.Equal(save.StatusCode == HttpStatusCode.OK ? $"Modifiée {suffix}" : $"Envoyée {suffix}", sent.OrganisationName);
        }
    }

    [Fact]
    public async Task An_organisation_has_one_open_application_at_a_time_whatever_the_case_of_its_name()
    {
        var suffix = Applicants.NewSuffix();
        var first = await _applicants.SubmittedAsync(suffix, $"Numérique & Co {suffix}");
        var second = await _applicants.OpenAsync(Applicants.NewSuffix());
        await _applicants.SaveOrganisationAsync(second, Applicants.Part2($"  NUMÉRIQUE & co {suffix} "));
        using var withKey = _applicants.WithKey(second.Key);

        var refused = await withKey.PostAsync($"{Drafts}/{second.Id}/submission", null);

        Assert.Equal(
            $"Une demande d'adhésion est déjà en cours pour l'organisme « NUMÉRIQUE & co {suffix} » : un organisme n'a qu'une demande ouverte à la fois.",
            await Applicants.ProblemDetailAsync(refused, HttpStatusCode.Conflict));
        Assert.Equal(ApplicationStatus.Draft, await service.QueryAsync(db => db.Applications.Where(a => a.Id == second.Id).Select(a => a.Status).SingleAsync()));
        Assert.Empty(await _applicants.EventsAsync<MembershipApplicationSubmitted>(second.Id));

        // Once the board has refused the first, the name is free again.
        await _applicants.DecidedAsync(first, accepted: false);
        Assert.Equal("submitted", (await _applicants.SubmitAsync(second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_name_of_an_organisation_already_known_cannot_be_applied_for()
    {
        var suffix = Applicants.NewSuffix();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        await CreateOrganisationAsync(admin, $"Société d'Études Numériques {suffix}", "Entreprise");
        var draft = await _applicants.OpenAsync(suffix);
        await _applicants.SaveOrganisationAsync(draft, Applicants.Part2($"SOCIÉTÉ D'ÉTUDES NUMÉRIQUES {suffix}"));
        using var withKey = _applicants.WithKey(draft.Key);

        var refused = await withKey.PostAsync($"{Drafts}/{draft.Id}/submission", null);

        Assert.Equal(
            $"L'organisme « SOCIÉTÉ D'ÉTUDES NUMÉRIQUES {suffix} » est déjà connu de l'association : s'il s'agit du vôtre, contactez l'association plutôt que de déposer une nouvelle demande.",
            await Applicants.ProblemDetailAsync(refused, HttpStatusCode.Conflict));
        Assert.Equal(ApplicationStatus.Draft, await service.QueryAsync(db => db.Applications.Where(a => a.Id == draft.Id).Select(a => a.Status).SingleAsync()));
    }

    private async Task<Guid?> LogoOfAsync(Guid applicationId) =>
        (await service.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Organisation).SingleAsync())).LogoImageId;

    internal static async Task<Guid> CreateOrganisationAsync(HttpClient admin, string name, string category)
    {
        var response = await admin.PostAsJsonAsync("/api/membership/organisations", new { name, category });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
