using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// A member the board admitted: its organisation (its id in Membership, which the directory's pages use too), its
/// referent — who is also its HR contact, the application naming no other — and the number of the fee call Billing
/// sent the referent on <c>MembershipApproved</c>.
/// </summary>
internal sealed record NewMember(
    string OrganisationName, Guid OrganisationId, string ReferentEmail, string ReferentUserName, string Password, string CallNumber)
{
    /// <summary>The HR contact, whom the directory's « Écrire au responsable RH » writes to: the referent.</summary>
    public string HrContactEmail => ReferentEmail;
}

/// <summary>
/// New members, made as <see cref="MembershipApplicationFlowTests"/> makes one through the gateway: part 1 (the
/// referent, « Madame Inès Mosellane »), the password from the e-mailed link, part 2 (an « Entreprise » unless told of the
/// digital sector, PME, no HR contact named: the referent is), the submission and the board's acceptance; then Billing's fee
/// call, read from the e-mail it sends the referent, and the organisation's id from Membership's list of organisations.
/// </summary>
internal static partial class NewMembers
{
    /// <summary>12 in Alsace and 3 in Lorraine: 15 staff on the perimeter, 384 € for a digital « Entreprise ».</summary>
    public static readonly (int Alsace, int ChampagneArdenne, int Lorraine) DefaultPerimeter = (12, 0, 3);

    public static async Task<NewMember> ApproveAsync(
        RunningSystem system,
        string organisationName,
        string presentationHtml = "<p>Éditeur régional</p>",
        IReadOnlyList<string>? mainActivities = null,
        IReadOnlyList<string>? siteDepartements = null,
        IReadOnlyList<string>? interventionDepartements = null,
        (int Alsace, int ChampagneArdenne, int Lorraine)? perimeter = null,
        string emailPrefix = "tresorerie",
        string category = "Entreprise")
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var email = $"{emailPrefix}-{suffix}@numerique-exemple.fr";
        var userName = $"{emailPrefix}.{suffix}";
        var (alsace, champagneArdenne, lorraine) = perimeter ?? DefaultPerimeter;

        var created = await system.Gateway.PostAsJsonAsync("/api/membership/application-drafts", new
        {
            email, userName, civility = "Madame", lastName = "Mosellane", firstName = "Inès", function = "DAF",
            photo = MembershipApplicationFlowTests.TinyPng, mobilePhone = "06 12 34 56 78",
            workplace = new { siteName = "Siège", zone = "Alsace : Bas-Rhin (67)", address = "2 rue du Dôme", postalCode = "67000", city = "Strasbourg" },
            notificationCategories = new[] { "Vie de l'association" },
            consent = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        var key = draft.GetProperty("key").GetString()!;

        var opened = await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == email), Identities.MailTimeout, "the applicant's account e-mail");
        var password = $"Bergamote-Nancy-{suffix}";
        var set = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets",
            new { token = Identities.TokenIn(Identities.LinkIn(opened)), password });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);

        var saved = await WithKeyAsync(system, HttpMethod.Put, $"/api/membership/application-drafts/{id}/organisation", key, new
        {
            name = organisationName, category, regionalHeadOffice = "Strasbourg", logo = MembershipApplicationFlowTests.TinyPng,
            presentation = presentationHtml, website = "https://numerique-exemple.fr",
            digitalSector = true, companyType = "PME : 10-250 personnes",
            mainActivities = mainActivities ?? ["ESN - Agence Web"],
            siteDepartements = siteDepartements ?? ["Alsace : Bas-Rhin (67)"],
            interventionDepartements = interventionDepartements ?? ["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)"],
            perimeter = new { alsace, champagneArdenne, lorraine },
            commitments = new { delegation = true, statutes = true },
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var submitted = await WithKeyAsync(system, HttpMethod.Post, $"/api/membership/application-drafts/{id}/submission", key, null);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        var board = await system.Identities.PersonWithRoleAsync(NegeRoles.Board);
        var boardToken = (await system.Identities.LoginAsync(board)).AccessToken;
        var decided = await system.Identities.SendAsync(HttpMethod.Post, $"/api/membership/applications/{id}/decision", boardToken,
            new { decision = "accepted", boardMeetingDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());

        var organisationId = await OrganisationIdAsync(system, organisationName);
        var callEmail = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == email) && e.Subject.StartsWith("Appel de cotisation", StringComparison.Ordinal),
            Identities.MailTimeout, "the fee call e-mail");
        var number = CallNumber().Match(callEmail.Subject);
        Assert.True(number.Success, $"No call number in « {callEmail.Subject} »");
        return new NewMember(organisationName, organisationId, email, userName, password, number.Value);
    }

    /// <summary>The organisation the admission created, found by its (unique) name in the administrator's list.</summary>
    private static async Task<Guid> OrganisationIdAsync(RunningSystem system, string organisationName)
    {
        var found = await system.Identities.SendAsync(HttpMethod.Get,
            $"/api/membership/organisations?search={Uri.EscapeDataString(organisationName)}", await system.Identities.AdminTokenAsync());
        Assert.True(found.StatusCode == HttpStatusCode.OK, await found.Content.ReadAsStringAsync());
        var items = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Where(o => o.GetProperty("name").GetString() == organisationName).ToList();
        return Assert.Single(items).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> WithKeyAsync(RunningSystem system, HttpMethod method, string path, string key, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Nege-Application-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await system.Gateway.SendAsync(request);
    }

    [GeneratedRegex(@"\b\d{4}-\d{4}\b")]
    private static partial Regex CallNumber();
}
