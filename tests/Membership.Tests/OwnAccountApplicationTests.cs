using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Security;

namespace Membership.Tests;

/// <summary>A person already logged in starts an application with their own account: no second account, no e-mail.</summary>
[Collection(MembershipCollection.Name)]
public sealed class OwnAccountApplicationTests(MembershipService service)
{
    private const string Path = "/api/membership/application-drafts/mine";

    private static object Part1(bool consent = true) => new
    {
        civility = "Monsieur", lastName = "Mosellan", firstName = "Hugo", function = "Directeur",
        mobilePhone = "06 45 22 33 44",
        workplace = new { siteName = "Agence", zone = "Lorraine : Moselle (57)", address = "2 rue Serpenoise", postalCode = "57000", city = "Metz" },
        notificationCategories = new[] { "Processus & Documentation" },
        consent,
    };

    private async Task<(Guid Id, string Email)> AccountAsync(Guid? organisationId = null)
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var suffix = Applicants.NewSuffix();
        var response = await admin.PostAsJsonAsync("/api/membership/accounts", new
        {
            email = $"connecte-{suffix}@exemple.fr", userName = $"connecte.{suffix}", civility = "Madame", lastName = "Avant", firstName = "Nom",
            organisationId, roles = Array.Empty<string>(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (account.GetProperty("id").GetGuid(), account.GetProperty("email").GetString()!);
    }

    private HttpClient As(Guid accountId, string email) =>
        service.CreateClient(service.Tokens.ForPerson([], subject: accountId, name: "Hugo Mosellan", email: email));

    [Fact]
    public async Task The_draft_belongs_to_the_callers_account_which_takes_the_forms_answers_and_no_account_or_email_is_added()
    {
        var (accountId, email) = await AccountAsync();
        using var person = As(accountId, email);
        var accountsBefore = await service.QueryAsync(db => db.Accounts.CountAsync());

        var response = await person.PostAsJsonAsync(Path, Part1());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        Assert.False(string.IsNullOrEmpty(view.GetProperty("key").GetString()));
        Assert.Equal(accountId, view.GetProperty("referent").GetProperty("accountId").GetGuid());
        Assert.Equal(accountsBefore, await service.QueryAsync(db => db.Accounts.CountAsync()));
        var account = await service.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == accountId));
        Assert.Equal(("Monsieur", "Mosellan", "Hugo", "+33645223344", "Metz"), (account.Civility, account.LastName, account.FirstName, account.MobilePhone, account.Workplace.City));
        Assert.Empty(await new Applicants(service).EventsAsync<ApplicantAccountOpened>(id));

        // The same person's own token opens the draft, as the key does.
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/api/membership/application-drafts/{id}")).StatusCode);
        var mine = await person.GetFromJsonAsync<JsonElement>(Path);
        Assert.Equal(id, mine.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_second_application_while_one_is_open_is_refused_with_409_and_nothing_written()
    {
        var (accountId, email) = await AccountAsync();
        using var person = As(accountId, email);
        Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync(Path, Part1())).StatusCode);
        var before = await new Applicants(service).CountsAsync();

        var again = await person.PostAsJsonAsync(Path, Part1());

        Assert.StartsWith("Vous avez déjà une demande d'adhésion en cours", await Applicants.ProblemDetailAsync(again, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(before, await new Applicants(service).CountsAsync());
    }

    [Fact]
    public async Task An_account_already_attached_to_an_organisation_cannot_apply_for_another()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var organisationName = $"Déjà Membre {Applicants.NewSuffix()}";
        var organisationId = await ApplicationDraftsTests.CreateOrganisationAsync(admin, organisationName, "Entreprise");
        var (accountId, email) = await AccountAsync(organisationId);
        using var person = As(accountId, email);

        var refused = await person.PostAsJsonAsync(Path, Part1());

        Assert.Contains($"« {organisationName} »", await Applicants.ProblemDetailAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.False(await service.QueryAsync(db => db.Applications.AnyAsync(a => a.ReferentAccountId == accountId)));
    }

    [Fact]
    public async Task Without_consent_or_with_a_bad_phone_nothing_is_written_and_each_field_says_why()
    {
        var (accountId, email) = await AccountAsync();
        using var person = As(accountId, email);
        var before = await new Applicants(service).CountsAsync();

        var response = await person.PostAsJsonAsync(Path, new { civility = "Madame", lastName = "A", firstName = "B", mobilePhone = "0388", consent = false });

        var errors = await Applicants.ValidationErrorsAsync(response);
        Assert.Contains("consent", errors.Keys);
        Assert.Contains("mobilePhone", errors.Keys);
        Assert.Equal(before, await new Applicants(service).CountsAsync());
        Assert.Equal("Avant", (await service.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == accountId))).LastName);
    }

    [Fact]
    public async Task A_partner_system_or_an_anonymous_caller_cannot_use_it()
    {
        using var anonymous = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Path, Part1())).StatusCode);
        using var partner = service.CreateClient(service.Tokens.ForPartnerClient("partenaire-test", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite],
            [AuthenticationExtensions.AudienceOf(Nege.ServiceDefaults.ResourceNames.Membership)]));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync(Path, Part1())).StatusCode);
    }
}
