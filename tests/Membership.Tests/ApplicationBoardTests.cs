using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Security;

namespace Membership.Tests;

/// <summary>The board's side over HTTP: the list with its 15-day target, an application in full, the decision, admission.</summary>
[Collection(MembershipCollection.Name)]
public sealed class ApplicationBoardTests(MembershipService service)
{
    private readonly Applicants _applicants = new(service);

    private const string Applications = "/api/membership/applications";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly TodayInParis => ParisTime.DateOf(DateTimeOffset.UtcNow);

    // ---- The list -------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_list_shows_submitted_applications_oldest_first_and_never_a_draft()
    {
        var suffix = Applicants.NewSuffix();
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        await _applicants.SaveOrganisationAsync(draft, Applicants.Part2($"Brouillon {suffix}"));
        var older = await _applicants.SubmittedAsync(Applicants.NewSuffix(), $"Première {suffix}");
        var newer = await _applicants.SubmittedAsync(Applicants.NewSuffix(), $"Seconde {suffix}");
        using var board = _applicants.Board();

        var submitted = await AllAsync(board, "submitted");
        var byDefault = await board.GetFromJsonAsync<JsonElement>(Applications);
        var all = await AllAsync(board, "all");
        var accepted = await AllAsync(board, "accepted");

        var ids = submitted.Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(older.Id) >= 0 && ids.IndexOf(older.Id) < ids.IndexOf(newer.Id), "oldest submitted first");
        Assert.DoesNotContain(draft.Id, ids);
        Assert.DoesNotContain(draft.Id, all.Select(s => s.GetProperty("id").GetGuid()));
        Assert.Contains(newer.Id, all.Select(s => s.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(newer.Id, accepted.Select(s => s.GetProperty("id").GetGuid()));
        Assert.All(submitted, s => Assert.Equal("submitted", s.GetProperty("status").GetString()));
        Assert.Equal(1, byDefault.GetProperty("page").GetInt32());
        Assert.Equal(20, byDefault.GetProperty("pageSize").GetInt32());
        Assert.Equal(submitted.Count, byDefault.GetProperty("total").GetInt32());

        var summary = submitted.Single(s => s.GetProperty("id").GetGuid() == newer.Id);
        Assert.Equal($"Seconde {suffix}", summary.GetProperty("organisationName").GetString());
        Assert.Equal("Entreprise", summary.GetProperty("category").GetString());
        Assert.Equal("Marie Curie", summary.GetProperty("referentName").GetString());
        Assert.Equal(newer.Email, summary.GetProperty("referentEmail").GetString());
        Assert.Equal("Déposée", summary.GetProperty("statusLabel").GetString());
        var dueOn = DateOnly.Parse(summary.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ParisTime.DateOf(summary.GetProperty("submittedAt").GetDateTimeOffset()).AddDays(15), dueOn);
        Assert.Equal(dueOn.DayNumber - TodayInParis.DayNumber, summary.GetProperty("daysLeft").GetInt32());
        Assert.False(summary.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("decidedAt").ValueKind);

        // Pages: the newest submission is alone on the last page of one.
        var total = byDefault.GetProperty("total").GetInt32();
        var last = await board.GetFromJsonAsync<JsonElement>($"{Applications}?status=submitted&page={total}&pageSize=1");
        Assert.Equal(newer.Id, Assert.Single(last.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty((await board.GetFromJsonAsync<JsonElement>($"{Applications}?page={total + 1}&pageSize=1")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("status=draft", "status", "Le statut doit être l'une des valeurs : submitted, accepted, refused, all.")]
    [InlineData("status=Submitted", "status", "Le statut doit être l'une des valeurs : submitted, accepted, refused, all.")]
    [InlineData("page=0", "page", "Le numéro de page commence à 1.")]
    [InlineData("pageSize=101", "pageSize", "La taille de page doit être comprise entre 1 et 100.")]
    [InlineData("pageSize=0", "pageSize", "La taille de page doit être comprise entre 1 et 100.")]
    public async Task A_wrong_filter_or_page_is_refused(string query, string key, string message)
    {
        using var board = _applicants.Board();

        var errors = await Applicants.ValidationErrorsAsync(await board.GetAsync($"{Applications}?{query}"));

        Assert.Equal([message], errors[key]);
    }

    [Fact]
    public async Task Days_left_count_down_to_the_due_date_and_an_undecided_application_past_it_is_overdue()
    {
        var application = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        using var board = _applicants.Board();

        await SetDueOnAsync(application.Id, TodayInParis.AddDays(-3));
        var late = await board.GetFromJsonAsync<JsonElement>($"{Applications}/{application.Id}");
        var lateSummary = (await AllAsync(board, "submitted")).Single(s => s.GetProperty("id").GetGuid() == application.Id);
        Assert.Equal((-3, true), (late.GetProperty("daysLeft").GetInt32(), late.GetProperty("overdue").GetBoolean()));
        Assert.Equal((-3, true), (lateSummary.GetProperty("daysLeft").GetInt32(), lateSummary.GetProperty("overdue").GetBoolean()));

        await SetDueOnAsync(application.Id, TodayInParis);
        var dueToday = await board.GetFromJsonAsync<JsonElement>($"{Applications}/{application.Id}");
        Assert.Equal((0, false), (dueToday.GetProperty("daysLeft").GetInt32(), dueToday.GetProperty("overdue").GetBoolean()));

        await SetDueOnAsync(application.Id, TodayInParis.AddDays(2));
        var early = await board.GetFromJsonAsync<JsonElement>($"{Applications}/{application.Id}");
        Assert.Equal((2, false), (early.GetProperty("daysLeft").GetInt32(), early.GetProperty("overdue").GetBoolean()));

        // Decided late: no longer overdue.
        await SetDueOnAsync(application.Id, TodayInParis.AddDays(-3));
        var decided = await _applicants.DecidedAsync(application, accepted: false);
        Assert.Equal((-3, false), (decided.GetProperty("daysLeft").GetInt32(), decided.GetProperty("overdue").GetBoolean()));
        var refusedSummary = (await AllAsync(board, "refused")).Single(s => s.GetProperty("id").GetGuid() == application.Id);
        Assert.False(refusedSummary.GetProperty("overdue").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, refusedSummary.GetProperty("decidedAt").ValueKind);
    }

    // ---- One application ----------------------------------------------------------------------------------

    [Fact]
    public async Task The_board_sees_a_submitted_application_in_full_with_its_images_but_never_a_draft()
    {
        var submitted = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix(), body => body["photo"] = TestImages.Base64(TestImages.Png(80, 80)));
        await _applicants.SaveOrganisationAsync(draft, Applicants.Part2("Brouillon " + Applicants.NewSuffix()));
        using var board = _applicants.Board();

        var view = await board.GetFromJsonAsync<JsonElement>($"{Applications}/{submitted.Id}");
        Assert.Equal("submitted", view.GetProperty("status").GetString());
        Assert.Equal(submitted.Email, view.GetProperty("referent").GetProperty("email").GetString());
        Assert.Equal("+33612345678", view.GetProperty("referent").GetProperty("mobilePhone").GetString());
        Assert.Equal("StartUp", view.GetProperty("organisation").GetProperty("companyType").GetString());
        Assert.Empty(view.GetProperty("missing").EnumerateObject());
        Assert.False(view.TryGetProperty("key", out _));

        var logo = await board.GetAsync($"{Applications}/{submitted.Id}/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal((300, 150), TestImages.SizeOf(await logo.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Aucune image.", await Applicants.ProblemDetailAsync(await board.GetAsync($"{Applications}/{submitted.Id}/photo"), HttpStatusCode.NotFound));

        foreach (var path in new[] { $"{Applications}/{draft.Id}", $"{Applications}/{draft.Id}/logo", $"{Applications}/{draft.Id}/photo", $"{Applications}/{Guid.NewGuid()}" })
        {
            Assert.Equal("Cette demande d'adhésion n'existe pas.", await Applicants.ProblemDetailAsync(await board.GetAsync(path), HttpStatusCode.NotFound));
        }
    }

    [Fact]
    public async Task Only_the_board_and_administrators_see_the_applications()
    {
        var submitted = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        using var referent = _applicants.AsReferent(submitted, NegeRoles.Referent);
        using var anonymous = _applicants.Anonymous();
        using var withKey = _applicants.WithKey(submitted.Key);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Applications}/{submitted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync($"{Applications}/{submitted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Applications)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withKey.PostAsJsonAsync($"{Applications}/{submitted.Id}/decision", new { decision = "accepted", boardMeetingDate = Day(TodayInParis) })).StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(submitted.Id));
    }

    // ---- The decision ---------------------------------------------------------------------------------------

    [Fact]
    public async Task A_wrong_decision_is_refused_under_its_keys_and_changes_nothing()
    {
        var application = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        var submittedOn = DateOnly.Parse(await _applicants.SubmissionDayAsync(application.Id), System.Globalization.CultureInfo.InvariantCulture);
        var cases = new (object Body, string[] Keys)[]
        {
            (new { }, ["decision", "boardMeetingDate"]),
            (new { decision = "maybe", boardMeetingDate = Day(submittedOn) }, ["decision"]),
            (new { decision = "accepted", boardMeetingDate = Day(TodayInParis.AddDays(1)) }, ["boardMeetingDate"]),
            (new { decision = "accepted", boardMeetingDate = Day(submittedOn.AddDays(-1)) }, ["boardMeetingDate"]),
            (new { decision = "refused", boardMeetingDate = Day(submittedOn) }, ["reason"]),
            (new { decision = "refused", boardMeetingDate = Day(submittedOn), reason = new string('m', 2001) }, ["reason"]),
            (new { decision = "accepted", boardMeetingDate = Day(submittedOn), accepted = true }, ["accepted"]),
        };

        foreach (var (body, keys) in cases)
        {
            var errors = await Applicants.ValidationErrorsAsync(await _applicants.DecideAsync(application.Id, body));
            Assert.Equal(keys.ToHashSet(), errors.Keys.ToHashSet());
        }

        var future = await Applicants.ValidationErrorsAsync(await _applicants.DecideAsync(application.Id, new { decision = "accepted", boardMeetingDate = Day(TodayInParis.AddDays(1)) }));
        Assert.Equal(["La date de la réunion du Conseil d'Administration ne peut pas être dans le futur."], future["boardMeetingDate"]);
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(application.Id));
        Assert.Empty(await _applicants.EventsAsync<MembershipApplicationDecided>(application.Id));
    }

    [Fact]
    public async Task A_decision_on_a_draft_or_an_unknown_application_is_a_404()
    {
        var draft = await _applicants.OpenAsync(Applicants.NewSuffix());
        var decision = new { decision = "accepted", boardMeetingDate = Day(TodayInParis) };

        Assert.Equal(HttpStatusCode.NotFound, (await _applicants.DecideAsync(draft.Id, decision)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _applicants.DecideAsync(Guid.NewGuid(), decision)).StatusCode);
        Assert.Equal(ApplicationStatus.Draft, await StatusAsync(draft.Id));
    }

    [Fact]
    public async Task Accepting_makes_the_organisation_a_member_with_its_card_and_the_applicant_its_referent()
    {
        var suffix = Applicants.NewSuffix();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        var federation = await ApplicationDraftsTests.CreateOrganisationAsync(admin, $"Fédération Numérique {suffix}", MembershipForm.ProfessionalOrganisation);
        var name = $"Numérique & Co {suffix}";
        var application = await _applicants.SubmittedAsync(suffix, name, part2 =>
        {
            part2["affiliationOrganisationId"] = federation;
            part2["hrContactUserName"] = $"mcurie-{suffix}";
        });
        var draftPart = (await service.QueryAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => a.Organisation).SingleAsync()));
        var meeting = await _applicants.SubmissionDayAsync(application.Id);

        var response = await _applicants.DecideAsync(application.Id, new { decision = "accepted", boardMeetingDate = meeting });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("accepted", "Acceptée"), (view.GetProperty("status").GetString(), view.GetProperty("statusLabel").GetString()));
        var decision = view.GetProperty("decision");
        Assert.True(decision.GetProperty("accepted").GetBoolean());
        Assert.Equal(meeting, decision.GetProperty("boardMeetingDate").GetString());
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("reason").ValueKind);
        Assert.Equal(Applicants.BoardMemberName, decision.GetProperty("decidedBy").GetString());
        Assert.InRange(decision.GetProperty("decidedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var stored = await service.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == application.Id));
        Assert.Equal(ApplicationStatus.Accepted, stored.Status);
        Assert.Null(stored.NormalizedOrganisationName);
        Assert.Null(stored.EraseAfter);
        Assert.Equal(Applicants.BoardMemberId, stored.DecidedByAccountId);
        var organisation = await service.QueryAsync(db => db.Organisations.SingleAsync(o => o.Id == stored.OrganisationId));
        Assert.Equal((name, "Entreprise", "Strasbourg"), (organisation.Name, organisation.Category, organisation.RegionalHeadOffice));
        Assert.NotNull(organisation.MemberSince);
        Assert.Equal(application.Id, organisation.ApplicationId);
        Assert.Equal(draftPart.LogoImageId, organisation.LogoImageId);
        Assert.Equal("<p>Rejoignez <strong>l'équipe</strong></p>", organisation.Presentation);
        Assert.Equal("https://exemple.fr/", organisation.Website);
        Assert.Equal((true, "StartUp"), (organisation.DigitalSector, organisation.CompanyType));
        Assert.Equal(["ESN - Agence Web"], organisation.MainActivities);
        Assert.Equal(["Alsace : Bas-Rhin (67)"], organisation.SiteDepartements);
        Assert.Equal(["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)"], organisation.InterventionDepartements);
        Assert.Equal(federation, organisation.AffiliationOrganisationId);
        Assert.Equal(application.AccountId, organisation.HrContactAccountId);
        Assert.Equal((12, 0, 3), (organisation.PerimeterAlsace, organisation.PerimeterChampagneArdenne, organisation.PerimeterLorraine));
        Assert.Equal((TodayInParis.AddYears(-1), 4, "Moins de 300 K€", true),
            (organisation.StartupCreationDate!.Value, organisation.StartupHeadcount!.Value, organisation.StartupTurnoverBand, organisation.SyntecStartupPack!.Value));

        var referent = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == application.AccountId));
        Assert.Equal(organisation.Id, referent.OrganisationId);
        Assert.Equal([NegeRoles.Referent], referent.RoleNames);
        var audit = Assert.Single(await service.QueryAsync(db => db.RoleChanges.Where(c => c.AccountId == application.AccountId).ToListAsync()));
        Assert.Equal((NegeRoles.Referent, "granted", Applicants.BoardMemberId, Applicants.BoardMemberName), (audit.Role, audit.Change, audit.ByAccountId, audit.ByName));

        var decided = Assert.Single(await _applicants.EventsAsync<MembershipApplicationDecided>(application.Id));
        Assert.True(decided.Accepted);
        Assert.Equal((name, application.Email, "Marie Curie", (string?)null), (decided.OrganisationName, decided.ContactEmail, decided.ContactName, decided.Reason));
        Assert.Equal(meeting, Day(decided.BoardMeetingDate));
        Assert.EndsWith("/espace-membre", decided.ExtranetLink?.ToString(), StringComparison.Ordinal);

        var approved = Assert.Single(await _applicants.EventsAsync<MembershipApproved>(application.Id));
        Assert.Equal((organisation.Id, application.Id, name, "Entreprise", "Strasbourg"), (approved.OrganisationId, approved.ApplicationId, approved.Name, approved.Category, approved.RegionalHeadOffice));
        Assert.Equal((true, "StartUp"), (approved.DigitalSector, approved.CompanyType));
        Assert.Equal(["ESN - Agence Web"], approved.MainActivities);
        Assert.Equal(["Alsace : Bas-Rhin (67)", "Lorraine : Moselle (57)"], approved.InterventionDepartements);
        Assert.Equal(new MembershipPerimeter(12, 0, 3), approved.Perimeter);
        Assert.Equal(15, approved.Perimeter.Total);
        Assert.Equal(new OrganisationReference(federation, $"Fédération Numérique {suffix}"), approved.Affiliation);
        Assert.Equal(new StartupFacts(TodayInParis.AddYears(-1), 4, "Moins de 300 K€", true), approved.Startup);
        var person = new PersonReference(application.AccountId, "Marie Curie", application.Email);
        Assert.Equal(person, approved.Referent);
        Assert.Equal(person, approved.HrContact);

        var card = Assert.Single(await _applicants.EventsAsync<OrganisationCardChanged>(organisation.Id));
        Assert.Equal((name, "Entreprise", "Strasbourg"), (card.Name, card.Category, card.RegionalHeadOffice));
        Assert.Equal("<p>Rejoignez <strong>l'équipe</strong></p>", card.PresentationHtml);
        Assert.Equal(new Uri("https://exemple.fr/"), card.Website);
        Assert.Equal(person, card.HrContact);
        Assert.Equal(organisation.LogoImageId!.Value.ToString("N"), card.LogoVersion);

        using var anonymous = _applicants.Anonymous();
        var logo = await anonymous.GetAsync($"/api/membership/organisations/{organisation.Id}/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", logo.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var board = _applicants.Board();
        Assert.Contains(application.Id, (await AllAsync(board, "accepted")).Select(s => s.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(application.Id, (await AllAsync(board, "submitted")).Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Without_an_HR_contact_the_referent_is_one_and_a_company_outside_the_StartUp_type_has_no_startup_facts()
    {
        var suffix = Applicants.NewSuffix();
        var application = await _applicants.SubmittedAsync(suffix, changePart2: part2 =>
        {
            part2["companyType"] = "Organisme public";
            part2["digitalSector"] = false;
        });

        await _applicants.DecidedAsync(application, accepted: true);

        var approved = Assert.Single(await _applicants.EventsAsync<MembershipApproved>(application.Id));
        Assert.Null(approved.Startup);
        Assert.Null(approved.Affiliation);
        Assert.False(approved.DigitalSector);
        Assert.Equal("Organisme public", approved.CompanyType);
        Assert.Equal(application.AccountId, approved.HrContact.AccountId);
    }

    [Fact]
    public async Task Refusing_keeps_the_application_for_the_retention_period_and_admits_nobody()
    {
        var suffix = Applicants.NewSuffix();
        var application = await _applicants.SubmittedAsync(suffix);

        var view = await _applicants.DecidedAsync(application, accepted: false, reason: "L'organisme n'a pas d'établissement dans le Grand Est.");

        Assert.Equal(("refused", "Refusée"), (view.GetProperty("status").GetString(), view.GetProperty("statusLabel").GetString()));
        Assert.False(view.GetProperty("decision").GetProperty("accepted").GetBoolean());
        Assert.Equal("L'organisme n'a pas d'établissement dans le Grand Est.", view.GetProperty("decision").GetProperty("reason").GetString());
        var stored = await service.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == application.Id));
        Assert.Equal(ApplicationStatus.Refused, stored.Status);
        Assert.Equal(stored.DecidedAt!.Value + TimeSpan.FromDays(90), stored.EraseAfter);
        Assert.Null(stored.OrganisationId);
        Assert.Null(stored.NormalizedOrganisationName);
        Assert.False(await service.QueryAsync(db => db.Organisations.AnyAsync(o => o.ApplicationId == application.Id)));
        var referent = await service.QueryAsync(db => db.Accounts.Include(a => a.Roles).SingleAsync(a => a.Id == application.AccountId));
        Assert.Empty(referent.Roles);
        Assert.Null(referent.OrganisationId);

        var decided = Assert.Single(await _applicants.EventsAsync<MembershipApplicationDecided>(application.Id));
        Assert.False(decided.Accepted);
        Assert.Equal("L'organisme n'a pas d'établissement dans le Grand Est.", decided.Reason);
        Assert.Null(decided.ExtranetLink);
        Assert.Empty(await _applicants.EventsAsync<MembershipApproved>(application.Id));
    }

    [Theory]
    [InlineData(true, "accepted", "Le Conseil d'Administration a déjà décidé de cette demande (acceptée).")]
    [InlineData(true, "refused", "Le Conseil d'Administration a déjà décidé de cette demande (acceptée).")]
    [InlineData(false, "accepted", "Le Conseil d'Administration a déjà décidé de cette demande (refusée).")]
    public async Task An_application_is_decided_once(bool first, string second, string detail)
    {
        var application = await _applicants.SubmittedAsync(Applicants.NewSuffix());
        await _applicants.DecidedAsync(application, first);

        var again = await _applicants.DecideAsync(application.Id, new { decision = second, boardMeetingDate = await _applicants.SubmissionDayAsync(application.Id), reason = "Nouvel examen" });

        Assert.Equal(detail, await Applicants.ProblemDetailAsync(again, HttpStatusCode.Conflict));
        Assert.Single(await _applicants.EventsAsync<MembershipApplicationDecided>(application.Id));
        Assert.Equal(first ? ApplicationStatus.Accepted : ApplicationStatus.Refused, await StatusAsync(application.Id));
        Assert.True(await service.QueryAsync(db => db.Organisations.CountAsync(o => o.ApplicationId == application.Id)) == (first ? 1 : 0));
    }

    [Fact]
    public async Task Simultaneous_decisions_admit_the_organisation_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var application = await _applicants.SubmittedAsync(Applicants.NewSuffix());
            var meeting = await _applicants.SubmissionDayAsync(application.Id);

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _applicants.DecideAsync(application.Id, new
            {
                decision = i % 2 == 0 ? "accepted" : "refused", boardMeetingDate = meeting, reason = "Décision simultanée",
            })));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            Assert.Single(await _applicants.EventsAsync<MembershipApplicationDecided>(application.Id));
            Assert.True(await service.QueryAsync(db => db.Organisations.CountAsync(o => o.ApplicationId == application.Id)) <= 1);
            Assert.True((await _applicants.EventsAsync<MembershipApproved>(application.Id)).Count <= 1);
        }
    }

    private async Task<List<JsonElement>> AllAsync(HttpClient board, string status)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await board.GetFromJsonAsync<JsonElement>($"{Applications}?status={status}&page={page}&pageSize=100");
            items.AddRange(answer.GetProperty("items").EnumerateArray());
            if (items.Count >= answer.GetProperty("total").GetInt32() || answer.GetProperty("items").GetArrayLength() == 0)
            {
                return items;
            }
        }
    }

    private Task<int> SetDueOnAsync(Guid applicationId, DateOnly dueOn) =>
        service.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(set => set.SetProperty(a => a.DecisionDueOn, dueOn)));

    private Task<ApplicationStatus> StatusAsync(Guid applicationId) =>
        service.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
}
