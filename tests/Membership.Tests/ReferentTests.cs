using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Accounts;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Security;

namespace Membership.Tests;

/// <summary>The referent of a member organisation: its directory card, its public logo, its colleagues' access.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ReferentTests(MembershipService service)
{
    private readonly Applicants _applicants = new(service);

    private const string Mine = "/api/membership/organisations/mine";
    private const string Colleagues = "/api/membership/organisations/mine/colleagues";

    private async Task<(OpenedDraft Draft, Guid OrganisationId, HttpClient Referent)> MemberAsync(string? name = null)
    {
        var (draft, organisationId) = await _applicants.MemberAsync(Applicants.NewSuffix(), name);
        return (draft, organisationId, _applicants.AsReferent(draft, NegeRoles.Referent));
    }

    private static Dictionary<string, object?> Card(string name) => new()
    {
        ["name"] = name,
        ["regionalHeadOffice"] = "Nancy",
        ["logo"] = null,
        ["presentation"] = "<p>Nous <em>recrutons</em></p><img src=x onerror=alert(1)>",
        ["website"] = "https://www.exemple.fr/carrieres",
        ["mainActivities"] = new[] { "Cabinet de recrutement", "ESN - Agence Web" },
        ["siteDepartements"] = new[] { "Lorraine : Meurthe-et-Moselle (54)" },
        ["interventionDepartements"] = new[] { "Lorraine : Meurthe-et-Moselle (54)", "Lorraine : Vosges (88)" },
        ["hrContactUserName"] = null,
    };

    // ---- The card -------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_referent_reads_their_organisations_card()
    {
        var suffix = Applicants.NewSuffix();
        var (draft, organisationId, referent) = await MemberAsync($"Carte {suffix}");
        using var _ = referent;

        var card = await referent.GetFromJsonAsync<JsonElement>(Mine);

        Assert.Equal(organisationId, card.GetProperty("id").GetGuid());
        Assert.Equal($"Carte {suffix}", card.GetProperty("name").GetString());
        Assert.Equal("Entreprise", card.GetProperty("category").GetString());
        Assert.Equal("Strasbourg", card.GetProperty("regionalHeadOffice").GetString());
        Assert.True(card.GetProperty("hasLogo").GetBoolean());
        Assert.Equal("<p>Rejoignez <strong>l'équipe</strong></p>", card.GetProperty("presentation").GetString());
        Assert.Equal("https://exemple.fr/", card.GetProperty("website").GetString());
        Assert.Equal("StartUp", card.GetProperty("companyType").GetString());
        Assert.Equal(["ESN - Agence Web"], card.GetProperty("mainActivities").Deserialize<string[]>()!);
        Assert.Equal(["Alsace : Bas-Rhin (67)"], card.GetProperty("siteDepartements").Deserialize<string[]>()!);
        Assert.Equal(2, card.GetProperty("interventionDepartements").GetArrayLength());
        Assert.Equal(draft.AccountId, card.GetProperty("hrContact").GetProperty("accountId").GetGuid());
        Assert.Equal(draft.UserName, card.GetProperty("hrContact").GetProperty("userName").GetString());
        Assert.Equal("Marie Curie", card.GetProperty("hrContact").GetProperty("name").GetString());
        Assert.InRange(card.GetProperty("memberSince").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_referent_of_no_member_organisation_has_no_card_and_no_colleagues()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        using var referent = _applicants.AsReferent(draft, NegeRoles.Referent);

        foreach (var response in new[]
        {
            await referent.GetAsync(Mine), await referent.PutAsJsonAsync(Mine, Card("Squat")), await referent.GetAsync(Colleagues),
            await referent.PostAsJsonAsync(Colleagues, new { email = "x@exemple.fr", userName = "x", civility = "Madame", lastName = "X", firstName = "Y" }),
            await referent.DeleteAsync($"{Colleagues}/{Guid.NewGuid()}"),
        })
        {
            Assert.Equal("Votre compte n'est rattaché à aucun organisme adhérent.", await Applicants.ProblemDetailAsync(response, HttpStatusCode.NotFound));
        }

        Assert.False(await service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Name == "Squat")));
    }

    [Fact]
    public async Task The_referent_updates_the_card_the_directory_is_told_and_the_logo_is_replaced()
    {
        var suffix = Applicants.NewSuffix();
        var (draft, organisationId, referent) = await MemberAsync();
        using var _ = referent;
        var oldLogo = await LogoOfAsync(organisationId);
        var body = Card($"Nouveau nom {suffix}");
        body["logo"] = TestImages.Base64(TestImages.Jpeg(500, 1000));

        var response = await referent.PutAsJsonAsync(Mine, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Nouveau nom {suffix}", card.GetProperty("name").GetString());
        Assert.Equal("Nancy", card.GetProperty("regionalHeadOffice").GetString());
        Assert.Equal("<p>Nous <em>recrutons</em></p>", card.GetProperty("presentation").GetString());
        Assert.Equal("https://www.exemple.fr/carrieres", card.GetProperty("website").GetString());
        Assert.Equal(["ESN - Agence Web", "Cabinet de recrutement"], card.GetProperty("mainActivities").Deserialize<string[]>()!);
        Assert.Equal(draft.AccountId, card.GetProperty("hrContact").GetProperty("accountId").GetGuid());
        Assert.Equal("Entreprise", card.GetProperty("category").GetString());

        var organisation = await service.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == organisationId));
        Assert.Equal(($"Nouveau nom {suffix}", "Nancy"), (organisation.Name, organisation.RegionalHeadOffice));
        Assert.Equal(["Lorraine : Meurthe-et-Moselle (54)", "Lorraine : Vosges (88)"], organisation.InterventionDepartements);
        Assert.NotEqual(oldLogo, organisation.LogoImageId);

        var changed = (await _applicants.EventsAsync<OrganisationCardChanged>(organisationId)).Last();
        Assert.Equal(($"Nouveau nom {suffix}", "Nancy", "<p>Nous <em>recrutons</em></p>"), (changed.Name, changed.RegionalHeadOffice, changed.PresentationHtml));
        Assert.Equal(new Uri("https://www.exemple.fr/carrieres"), changed.Website);
        Assert.Equal(["ESN - Agence Web", "Cabinet de recrutement"], changed.MainActivities);
        Assert.Equal(new PersonReference(draft.AccountId, "Marie Curie", draft.Email), changed.HrContact);
        Assert.Equal(organisation.LogoImageId!.Value.ToString("N"), changed.LogoVersion);

        using var anonymous = _applicants.Anonymous();
        var logo = await anonymous.GetAsync($"/api/membership/organisations/{organisationId}/logo");
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal((150, 300), TestImages.SizeOf(await logo.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_application_keeps_the_logo_it_was_submitted_with_when_the_card_gets_a_new_one()
    {
        var (draft, organisationId, referent) = await MemberAsync();
        using var _ = referent;
        var body = Card("Logo " + Applicants.NewSuffix());
        body["logo"] = TestImages.Base64(TestImages.Gif(30, 30));
        Assert.Equal(HttpStatusCode.OK, (await referent.PutAsJsonAsync(Mine, body)).StatusCode);
        body["logo"] = TestImages.Base64(TestImages.Png(30, 30));
        var firstCardLogo = await LogoOfAsync(organisationId);
        Assert.Equal(HttpStatusCode.OK, (await referent.PutAsJsonAsync(Mine, body)).StatusCode);
        using var board = _applicants.Board();

        var view = await board.GetFromJsonAsync<JsonElement>($"/api/membership/applications/{draft.Id}");
        var logo = await board.GetAsync($"/api/membership/applications/{draft.Id}/logo");

        Assert.True(view.GetProperty("organisation").GetProperty("hasLogo").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal((300, 150), TestImages.SizeOf(await logo.Content.ReadAsByteArrayAsync()));
        // A logo the card no longer shows and no application holds is erased.
        Assert.False(await service.QueryAsync(db => db.Images.AnyAsync(i => i.Id == firstCardLogo)));
    }

    [Fact]
    public async Task Without_a_new_logo_the_card_keeps_its_logo()
    {
        var (_, organisationId, referent) = await MemberAsync();
        using var client = referent;
        var logo = await LogoOfAsync(organisationId);

        Assert.Equal(HttpStatusCode.OK, (await referent.PutAsJsonAsync(Mine, Card("Même logo " + Applicants.NewSuffix()))).StatusCode);

        Assert.Equal(logo, await LogoOfAsync(organisationId));
        Assert.Equal(logo!.Value.ToString("N"), (await _applicants.EventsAsync<OrganisationCardChanged>(organisationId)).Last().LogoVersion);
    }

    public static TheoryData<string, object?, string> InvalidCard() => new()
    {
        { "name", "", "La raison sociale est obligatoire." },
        { "name", null, "La raison sociale est obligatoire." },
        { "name", new string('n', 201), "La raison sociale ne doit pas dépasser 200 caractères." },
        { "regionalHeadOffice", " ", "La localisation de la direction régionale est obligatoire." },
        { "presentation", new string('p', 20_001), "La présentation ne doit pas dépasser 20000 caractères." },
        { "website", "javascript:alert(document.cookie)", "Le site web doit être une adresse complète, commençant par https:// ou http:// (par exemple https://www.exemple.fr)." },
        { "mainActivities", new[] { "Conseil" }, "Les activités principales : valeur inconnue « Conseil »." },
        { "siteDepartements", new[] { "Moselle" }, "La localisation des établissements : valeur inconnue « Moselle »." },
        { "interventionDepartements", new[] { "Paris (75)" }, "Les zones géographiques d'intervention : valeur inconnue « Paris (75) »." },
        { "logo", Convert.ToBase64String("<html>pas une image</html>"u8.ToArray()), "Le logo doit être une image PNG, JPEG ou GIF." },
        { "logo", TestImages.Base64(TestImages.NoisyPng(300, 300)), "Le logo ne doit pas dépasser 200 Ko" },
        { "hrContactUserName", "personne-inconnue", "Le contact des ressources humaines doit être un utilisateur de l'extranet de votre organisme : saisissez son nom d'utilisateur." },
    };

    [Theory]
    [MemberData(nameof(InvalidCard))]
    public async Task An_invalid_card_is_refused_under_its_key_and_nothing_changes(string key, object? value, string message)
    {
        var (_, organisationId, referent) = await MemberAsync();
        using var client = referent;
        var body = Card("Refusé " + Applicants.NewSuffix());
        body[key] = value;
        var before = await service.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == organisationId));
        var counts = await _applicants.CountsAsync();

        var errors = await Applicants.ValidationErrorsAsync(await referent.PutAsJsonAsync(Mine, body));

        Assert.Equal([key], errors.Keys);
        Assert.StartsWith(message, Assert.Single(errors[key]), StringComparison.Ordinal);
        var after = await service.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == organisationId));
        Assert.Equal((before.Name, before.RegionalHeadOffice, before.Website, before.LogoImageId, before.CardChangedAt),
            (after.Name, after.RegionalHeadOffice, after.Website, after.LogoImageId, after.CardChangedAt));
        Assert.Equal(counts, await _applicants.CountsAsync());
    }

    [Fact]
    public async Task The_name_of_another_organisation_is_refused()
    {
        var suffix = Applicants.NewSuffix();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Déjà Là {suffix}", "Entreprise");
        var (_, _, referent) = await MemberAsync();
        using var client = referent;

        var errors = await Applicants.ValidationErrorsAsync(await referent.PutAsJsonAsync(Mine, Card($"DÉJÀ LÀ {suffix}")));

        Assert.Equal(["Un autre organisme porte déjà ce nom."], errors["name"]);
    }

    // ---- The public logo ----------------------------------------------------------------------------------

    [Fact]
    public async Task A_member_organisations_logo_is_public_and_anything_else_is_a_404()
    {
        var (_, organisationId, referent) = await MemberAsync();
        using var client = referent;
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var withoutLogo = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Sans logo {Applicants.NewSuffix()}", "Entreprise");
        using var anonymous = _applicants.Anonymous();

        var logo = await anonymous.GetAsync($"/api/membership/organisations/{organisationId}/logo");

        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal((300, 150), TestImages.SizeOf(await logo.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/membership/organisations/{Guid.NewGuid()}/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/membership/organisations/{withoutLogo}/logo")).StatusCode);

        // No longer a member: no longer in the directory.
        await service.QueryAsync(db => db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(set => set.SetProperty(o => o.MemberSince, (DateTimeOffset?)null)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/membership/organisations/{organisationId}/logo")).StatusCode);
    }

    // ---- Colleagues -------------------------------------------------------------------------------------------

    private static object Colleague(string suffix) => new
    {
        email = $"rh-{suffix}@exemple.fr", userName = $"rh {suffix}", civility = "Monsieur", lastName = "Lefèvre", firstName = "Jean", function = "Chargé de recrutement",
    };

    [Fact]
    public async Task An_invited_colleague_gets_a_recruiter_account_in_the_organisation_and_an_invitation()
    {
        var suffix = Applicants.NewSuffix();
        var name = $"Employeur {suffix}";
        var (draft, organisationId, referent) = await MemberAsync(name);
        using var _ = referent;

        var response = await referent.PostAsJsonAsync(Colleagues, Colleague(suffix));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var colleague = await response.Content.ReadFromJsonAsync<JsonElement>();
        var accountId = colleague.GetProperty("accountId").GetGuid();
        Assert.Equal($"/api/membership/organisations/mine/colleagues/{accountId}", response.Headers.Location?.OriginalString);
        Assert.Equal(($"rh-{suffix}@exemple.fr", $"rh {suffix}", "Monsieur", "Lefèvre", "Jean", "Chargé de recrutement"), (
            colleague.GetProperty("email").GetString(), colleague.GetProperty("userName").GetString(), colleague.GetProperty("civility").GetString(),
            colleague.GetProperty("lastName").GetString(), colleague.GetProperty("firstName").GetString(), colleague.GetProperty("function").GetString()));
        Assert.Equal([NegeRoles.Recruiter], colleague.GetProperty("roles").Deserialize<string[]>()!);
        Assert.True(colleague.GetProperty("invitationPending").GetBoolean());
        Assert.False(colleague.GetProperty("isReferent").GetBoolean());

        var account = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == accountId));
        Assert.Equal(organisationId, account.OrganisationId);
        Assert.Equal([NegeRoles.Recruiter], account.RoleNames);
        Assert.Null(account.PasswordHash);
        var audit = Assert.Single(await service.QueryAsync(db => db.RoleChanges.Where(c => c.AccountId == accountId).ToListAsync()));
        Assert.Equal((NegeRoles.Recruiter, "granted", (Guid?)draft.AccountId), (audit.Role, audit.Change, audit.ByAccountId));
        var invited = Assert.Single(await _applicants.EventsAsync<AccountInvited>(accountId));
        Assert.Equal($"rh-{suffix}@exemple.fr", invited.Email);
        Assert.Equal([NegeRoles.Recruiter], invited.Roles);
        Assert.Contains(name, invited.InvitedBy, StringComparison.Ordinal);
        Assert.Contains("compte/nouveau-mot-de-passe?jeton=", invited.SetPasswordLink.ToString(), StringComparison.Ordinal);

        var list = await referent.GetFromJsonAsync<JsonElement>(Colleagues);
        var people = list.EnumerateArray().ToDictionary(c => c.GetProperty("accountId").GetGuid());
        Assert.Equal(new HashSet<Guid> { draft.AccountId, accountId }, people.Keys.ToHashSet());
        Assert.True(people[draft.AccountId].GetProperty("isReferent").GetBoolean());
        Assert.Equal([NegeRoles.Referent], people[draft.AccountId].GetProperty("roles").Deserialize<string[]>()!);
    }

    public static TheoryData<string, object?, string> InvalidColleague() => new()
    {
        { "email", "jean.lefevre", "L'adresse de courriel n'est pas valide." },
        { "email", null, "L'adresse de courriel est obligatoire." },
        { "userName", "jean/lefevre", "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, l'espace, le point (.), le tiret (-), l'apostrophe ('), le tiret bas (_) et le signe @." },
        { "civility", "M.", "La civilité doit être l'une des valeurs : Madame, Monsieur." },
        { "lastName", "", "Le nom est obligatoire." },
        { "firstName", new string('p', 101), "Le prénom ne doit pas dépasser 100 caractères." },
        { "function", new string('f', 101), "La fonction ne doit pas dépasser 100 caractères." },
        { "roles", new[] { "admin" }, "Ce champ n'est pas attendu." },
    };

    [Theory]
    [MemberData(nameof(InvalidColleague))]
    public async Task An_invalid_colleague_is_refused_under_its_key_and_nobody_is_invited(string key, object? value, string message)
    {
        var suffix = Applicants.NewSuffix();
        var (_, _, referent) = await MemberAsync();
        using var client = referent;
        var body = new Dictionary<string, object?>
        {
            ["email"] = $"rh-{suffix}@exemple.fr", ["userName"] = $"rh {suffix}", ["civility"] = "Monsieur", ["lastName"] = "Lefèvre", ["firstName"] = "Jean", ["function"] = null,
        };
        body[key] = value;
        var counts = await _applicants.CountsAsync();

        var errors = await Applicants.ValidationErrorsAsync(await referent.PostAsJsonAsync(Colleagues, body));

        Assert.Equal([key], errors.Keys);
        Assert.Equal([message], errors[key]);
        Assert.Equal(counts, await _applicants.CountsAsync());
    }

    [Fact]
    public async Task A_colleague_whose_address_or_user_name_is_taken_is_refused()
    {
        var (draft, _, referent) = await MemberAsync();
        using var client = referent;
        var suffix = Applicants.NewSuffix();
        var counts = await _applicants.CountsAsync();

        var sameEmail = await Applicants.ValidationErrorsAsync(await referent.PostAsJsonAsync(Colleagues, new
        {
            email = draft.Email, userName = $"autre {suffix}", civility = "Madame", lastName = "Autre", firstName = "Anne",
        }));
        var sameUserName = await Applicants.ValidationErrorsAsync(await referent.PostAsJsonAsync(Colleagues, new
        {
            email = $"autre-{suffix}@exemple.fr", userName = draft.UserName, civility = "Madame", lastName = "Autre", firstName = "Anne",
        }));

        Assert.Equal(["Un compte existe déjà avec cette adresse de courriel."], sameEmail["email"]);
        Assert.Equal(["Ce nom d'utilisateur est déjà pris."], sameUserName["userName"]);
        Assert.Equal(counts, await _applicants.CountsAsync());
    }

    [Fact]
    public async Task A_colleague_can_be_the_HR_contact_but_a_user_of_another_organisation_cannot()
    {
        var suffix = Applicants.NewSuffix();
        var (_, organisationId, referent) = await MemberAsync();
        using var client = referent;
        var (otherDraft, _, other) = await MemberAsync();
        other.Dispose();
        var colleagueId = await InviteAsync(referent, suffix);
        var body = Card("Contact RH " + suffix);

        body["hrContactUserName"] = otherDraft.UserName;
        Assert.Equal(["Le contact des ressources humaines doit être un utilisateur de l'extranet de votre organisme : saisissez son nom d'utilisateur."],
            (await Applicants.ValidationErrorsAsync(await referent.PutAsJsonAsync(Mine, body)))["hrContactUserName"]);

        body["hrContactUserName"] = $"RH {suffix}";
        var card = await (await referent.PutAsJsonAsync(Mine, body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(colleagueId, card.GetProperty("hrContact").GetProperty("accountId").GetGuid());
        Assert.Equal("Jean Lefèvre", card.GetProperty("hrContact").GetProperty("name").GetString());
        var changed = (await _applicants.EventsAsync<OrganisationCardChanged>(organisationId)).Last();
        Assert.Equal(new PersonReference(colleagueId, "Jean Lefèvre", $"rh-{suffix}@exemple.fr"), changed.HrContact);
    }

    [Fact]
    public async Task Removing_a_colleague_withdraws_their_roles_detaches_and_locks_them_and_the_referent_becomes_HR_contact_again()
    {
        var suffix = Applicants.NewSuffix();
        var (draft, organisationId, referent) = await MemberAsync();
        using var client = referent;
        var colleagueId = await InviteAsync(referent, suffix);
        var body = Card("Retrait " + suffix);
        body["hrContactUserName"] = $"rh {suffix}";
        Assert.Equal(HttpStatusCode.OK, (await referent.PutAsJsonAsync(Mine, body)).StatusCode);
        var stampBefore = await service.QueryAsync(db => db.Accounts.Where(a => a.Id == colleagueId).Select(a => a.SecurityStamp).SingleAsync());

        var removed = await referent.DeleteAsync($"{Colleagues}/{colleagueId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var account = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == colleagueId));
        Assert.Empty(account.Roles);
        Assert.Null(account.OrganisationId);
        Assert.NotNull(account.LockedByAdministratorAt);
        Assert.NotEqual(stampBefore, account.SecurityStamp);
        var audit = await service.QueryAsync(db => db.RoleChanges.Where(c => c.AccountId == colleagueId).OrderBy(c => c.At).ToListAsync());
        Assert.Equal(new[] { ("recruiter", "granted"), ("recruiter", "withdrawn") }, audit.Select(c => (c.Role, c.Change)));
        Assert.Equal(draft.AccountId, audit[1].ByAccountId);

        Assert.Equal(draft.AccountId, await service.QueryAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.HrContactAccountId).SingleAsync()));
        Assert.Equal(draft.AccountId, (await _applicants.EventsAsync<OrganisationCardChanged>(organisationId)).Last().HrContact.AccountId);
        Assert.DoesNotContain(colleagueId, (await referent.GetFromJsonAsync<JsonElement>(Colleagues)).EnumerateArray().Select(c => c.GetProperty("accountId").GetGuid()));
        Assert.Equal("Ce collaborateur n'a pas d'accès à l'extranet de votre organisme.",
            await Applicants.ProblemDetailAsync(await referent.DeleteAsync($"{Colleagues}/{colleagueId}"), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_colleague_who_holds_another_role_in_the_association_is_not_the_referents_to_remove()
    {
        var (_, _, referent) = await MemberAsync();
        using var client = referent;
        var colleagueId = await InviteAsync(referent, Applicants.NewSuffix());
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/membership/accounts/{colleagueId}/roles/{NegeRoles.Board}", null)).StatusCode);

        var refused = await referent.DeleteAsync($"{Colleagues}/{colleagueId}");

        Assert.StartsWith("Ce collaborateur a d'autres rôles", await Applicants.ProblemDetailAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var them = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == colleagueId));
        Assert.Equal([NegeRoles.Board, NegeRoles.Recruiter], them.RoleNames);
        Assert.Null(them.LockedByAdministratorAt);
    }

    [Fact]
    public async Task A_referent_cannot_remove_themselves_nor_someone_of_another_organisation()
    {
        var (draft, organisationId, referent) = await MemberAsync();
        using var client = referent;
        var (_, _, other) = await MemberAsync();
        using var otherClient = other;
        var outsider = await InviteAsync(other, Applicants.NewSuffix());

        var self = await referent.DeleteAsync($"{Colleagues}/{draft.AccountId}");
        var foreign = await referent.DeleteAsync($"{Colleagues}/{outsider}");

        Assert.Equal("Vous ne pouvez pas retirer votre propre accès : vous êtes le référent de l'organisme.", await Applicants.ProblemDetailAsync(self, HttpStatusCode.Conflict));
        Assert.Equal("Ce collaborateur n'a pas d'accès à l'extranet de votre organisme.", await Applicants.ProblemDetailAsync(foreign, HttpStatusCode.NotFound));
        var me = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == draft.AccountId));
        Assert.Equal(organisationId, me.OrganisationId);
        Assert.Equal([NegeRoles.Referent], me.RoleNames);
        var them = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == outsider));
        Assert.Equal([NegeRoles.Recruiter], them.RoleNames);
        Assert.NotNull(them.OrganisationId);
        Assert.Null(them.LockedByAdministratorAt);
    }

    [Fact]
    public async Task Once_a_member_the_HR_contacts_of_the_application_are_the_organisations_users()
    {
        var suffix = Applicants.NewSuffix();
        var (draft, _, referent) = await MemberAsync();
        using var client = referent;
        var colleagueId = await InviteAsync(referent, suffix);
        using var withKey = _applicants.WithKey(draft.Key);

        var people = await withKey.GetFromJsonAsync<JsonElement>($"/api/membership/application-drafts/{draft.Id}/hr-contacts");

        Assert.Equal(new HashSet<Guid> { draft.AccountId, colleagueId }, people.EnumerateArray().Select(p => p.GetProperty("accountId").GetGuid()).ToHashSet());
    }

    private static async Task<Guid> InviteAsync(HttpClient referent, string suffix)
    {
        var response = await referent.PostAsJsonAsync(Colleagues, Colleague(suffix));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetGuid();
    }

    private Task<Guid?> LogoOfAsync(Guid organisationId) =>
        service.QueryAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.LogoImageId).SingleAsync());
}
