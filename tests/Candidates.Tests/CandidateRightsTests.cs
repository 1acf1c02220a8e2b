using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Candidates.CandidateSpace;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Candidates.Tests;

/// <summary>
/// What the candidate changes from their space (rectification, commitments of seed 004, requests, answers to companies)
/// and the pilots' answers to their requests, within the month.
/// </summary>
[Collection(CandidatesCollection.Name)]
public sealed class CandidateRightsTests(CandidatesService service)
{
    private const string Me = "/api/candidates/me";
    private const string Commission = "/api/candidates/commission/dossiers";
    private const string Requests = "/api/candidates/commission/requests";

    private sealed record Attached(Guid DossierId, DossierRequest Request, HttpClient Candidate, Guid AccountId, HttpClient Partner, string Territory);

    private async Task<HttpClient> MemberAsync(string territory, bool pilot)
    {
        var id = Guid.NewGuid();
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        using var put = await admin.PutAsJsonAsync($"/api/candidates/territories/{territory}/members/{id}", new TerritoryMemberRequest(pilot ? "Pilote Test" : "Membre Test", $"{id:N}@exemple.fr", pilot));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission], subject: id, name: pilot ? "Pilote Test" : "Membre Test"));
    }

    /// <summary>A partner's dossier, attached to a person's account with the code e-mailed to the dossier's address.</summary>
    private async Task<Attached> AttachedAsync(DossierRequest? request = null)
    {
        request ??= SampleDossiers.Valid();
        var partner = service.CreateClient(service.Tokens.ForPartnerClient($"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        var accountId = Guid.NewGuid();
        var candidate = service.CreateClient(service.Tokens.ForPerson([], subject: accountId, name: request.Identification!.FirstName!));
        Assert.Equal(HttpStatusCode.Accepted, (await candidate.PostAsJsonAsync($"{Me}/attachment", new AttachmentRequest(request.Identification.Email))).StatusCode);
        var payloads = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(CandidateAttachmentCodeRequested))).Select(m => m.Payload).ToListAsync());
        var code = payloads.Select(p => JsonSerializer.Deserialize<CandidateAttachmentCodeRequested>(p, JsonSerializerOptions.Web)!).Last(e => e.Email == request.Identification.Email).Code;
        Assert.Equal(HttpStatusCode.OK, (await candidate.PostAsJsonAsync($"{Me}/attachment/confirmation", new AttachmentConfirmation(code))).StatusCode);
        return new Attached(dossier.Id, request, candidate, accountId, partner, dossier.Territory!);
    }

    /// <summary>The dossier qualified « employable » by its territory's pilot, and published in the pool.</summary>
    private async Task<(HttpClient Pilot, TalentCardView Card)> PublishedAsync(Attached attached)
    {
        var pilot = await MemberAsync(attached.Territory, pilot: true);
        foreach (var to in new[] { "in_analysis", "advice_interview_planned", "employable" })
        {
            Assert.Equal(HttpStatusCode.OK, (await pilot.PostAsJsonAsync($"{Commission}/{attached.DossierId}/transitions", new TransitionRequest(to, "Décision.", null))).StatusCode);
        }

        using var published = await pilot.PostAsJsonAsync($"{Commission}/{attached.DossierId}/publication", new PublicationRequest("Support puis développement.", null, null));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (pilot, (await published.Content.ReadFromJsonAsync<TalentCardView>())!);
    }

    private Task<List<T>> EventsAsync<T>(Func<T, bool> about) => service.QueryAsync(async db =>
    {
        var payloads = await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(typeof(T).Name)).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<T>(p, JsonSerializerOptions.Web)!).Where(about).ToList();
    });

    private static async Task<Dictionary<string, string[]>> ErrorsOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Attaching_tells_Membership_to_give_the_account_the_candidate_role()
    {
        var attached = await AttachedAsync();

        var events = await EventsAsync<CandidateAttached>(e => e.AccountId == attached.AccountId);
        Assert.Equal(attached.DossierId, Assert.Single(events).DossierId);
    }

    [Fact]
    public async Task The_candidate_corrects_sections_of_the_dossier_the_others_and_the_consents_stay_and_the_followers_are_told()
    {
        var attached = await AttachedAsync();
        var before = (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!;
        var identification = Rectification.Input(before.Content.Identification) with
        {
            Phone = "07 98 76 54 32",
            Address = new PostalAddressInput("3 place Kléber", "Bâtiment B", "67000", "Strasbourg"),
        };

        using var rectified = await attached.Candidate.PutAsJsonAsync($"{Me}/dossier", new RectificationRequest(identification, null, null, null));

        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        var after = (await rectified.Content.ReadFromJsonAsync<CandidateDossierView>())!;
        Assert.Equal(("+33798765432", "3 place Kléber", "Bâtiment B"), (after.Content.Identification.Phone, after.Content.Identification.Address.Street, after.Content.Identification.Address.Complement));
        Assert.Equal(JsonSerializer.Serialize(before.Content.Profile), JsonSerializer.Serialize(after.Content.Profile));
        Assert.Equal(JsonSerializer.Serialize(before.Content.Project), JsonSerializer.Serialize(after.Content.Project));
        Assert.Equal(before.Content.Consent, after.Content.Consent);
        Assert.Equal(before.Territory, after.Territory);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        var told = Assert.Single(await EventsAsync<DossierRectified>(e => e.DossierId == attached.DossierId));
        Assert.Equal([Rectification.IdentificationSection], told.Sections);

        // The partner who submitted it reads the corrected dossier.
        var partnerView = await attached.Partner.GetFromJsonAsync<PartnerDossierView>($"/api/candidates/v1/dossiers/{attached.DossierId}");
        Assert.Equal("+33798765432", partnerView!.Content!.Identification.Phone);

        // Sending the same again changes nothing and tells no one.
        Assert.Equal(HttpStatusCode.OK, (await attached.Candidate.PutAsJsonAsync($"{Me}/dossier", new RectificationRequest(identification, null, null, null))).StatusCode);
        Assert.Single(await EventsAsync<DossierRectified>(e => e.DossierId == attached.DossierId));
    }

    [Fact]
    public async Task A_bad_rectification_is_refused_field_by_field_and_changes_nothing()
    {
        var attached = await AttachedAsync();
        var before = (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!;
        var identification = Rectification.Input(before.Content.Identification) with
        {
            Email = "pas-une-adresse",
            Address = new PostalAddressInput("3 place Kléber", null, "6700", "Strasbourg"),
        };
        var profile = Rectification.Input(before.Content.Profile) with { QualificationLevel = "Niveau 12" };

        var errors = await ErrorsOfAsync(await attached.Candidate.PutAsJsonAsync($"{Me}/dossier", new RectificationRequest(identification, null, profile, null)));

        Assert.Equal(["identification.address.postalCode", "identification.email", "profile.qualificationLevel"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(string.Empty, (await ErrorsOfAsync(await attached.Candidate.PutAsJsonAsync($"{Me}/dossier", new { }))).Keys);
        Assert.Contains("identification.phone", (await ErrorsOfAsync(await attached.Candidate.PutAsJsonAsync($"{Me}/dossier",
            new { identification = new { before.Content.Identification.FirstName, phone = 612 } }))).Keys);
        var after = (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!;
        Assert.Equal((before.UpdatedAt, JsonSerializer.Serialize(before.Content)), (after.UpdatedAt, JsonSerializer.Serialize(after.Content)));
        Assert.Empty(await EventsAsync<DossierRectified>(e => e.DossierId == attached.DossierId));

        using var stranger = service.CreateClient(service.Tokens.ForPerson([], subject: Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{Me}/dossier", new RectificationRequest(identification, null, null, null))).StatusCode);
    }

    [Fact]
    public async Task A_commitment_is_one_click_tells_the_followers_and_finding_a_job_takes_the_card_out_of_the_pool()
    {
        var request = SampleDossiers.Valid() with { Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, false) { TalentPool = true } };
        var attached = await AttachedAsync(request);
        var (pilot, _) = await PublishedAsync(attached);

        using var interview = await attached.Candidate.PostAsJsonAsync($"{Me}/commitments", new CommitmentRequest("interview", "Entretien chez Alsace Numérique le 12."));
        Assert.Equal(HttpStatusCode.Created, interview.StatusCode);
        Assert.Equal("published", (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!.Status.Code);
        using var job = await attached.Candidate.PostAsJsonAsync($"{Me}/commitments", new CommitmentRequest("found_job", null));
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        Assert.Equal(("found_job", "J'ai trouvé un emploi"), (await job.Content.ReadFromJsonAsync<CommitmentView>()) is { } c ? (c.Kind, c.Label) : default);

        var view = (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!;
        Assert.Equal("withdrawn_from_pool", view.Status.Code);
        Assert.Equal(["found_job", "interview"], view.Commitments.Select(c => c.Kind));
        Assert.Equal(DossierStatus.WithdrawnFromPool, await service.QueryAsync(db => db.TalentCards.Where(t => t.DossierId == attached.DossierId).Select(t => t.Status).SingleAsync()));
        var reported = await EventsAsync<CandidateCommitmentReported>(e => e.DossierId == attached.DossierId);
        Assert.Equal([null, "La fiche du candidat a quitté le vivier : les entreprises ne la trouvent plus."], reported.Select(r => r.Effect));
        Assert.All(reported, r => Assert.Contains(r.Pilots, p => p.Name == "Pilote Test"));
        var commission = await pilot.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{attached.DossierId}");
        Assert.Equal(2, commission!.Commitments.Count);

        Assert.Equal(["kind"], (await ErrorsOfAsync(await attached.Candidate.PostAsJsonAsync($"{Me}/commitments", new CommitmentRequest("vacances", null)))).Keys);
        Assert.Equal(["details"], (await ErrorsOfAsync(await attached.Candidate.PostAsJsonAsync($"{Me}/commitments", new CommitmentRequest("training", new string('x', 2_001))))).Keys);
        Assert.Equal(2, await service.QueryAsync(db => db.CandidateCommitments.CountAsync(c => c.DossierId == attached.DossierId)));
    }

    [Fact]
    public async Task A_request_goes_to_the_pilots_who_answer_it_once_and_only_a_pilot_may()
    {
        var attached = await AttachedAsync();
        var pilot = await MemberAsync(attached.Territory, pilot: true);
        var member = await MemberAsync(attached.Territory, pilot: false);

        Assert.Equal(["kind", "reason"], (await ErrorsOfAsync(await attached.Candidate.PostAsJsonAsync($"{Me}/requests", new RightsRequestInput("plainte", " ")))).Keys.Order(StringComparer.Ordinal));
        using var made = await attached.Candidate.PostAsJsonAsync($"{Me}/requests", new RightsRequestInput("correction", "L'analyse dit que je ne parle pas anglais ; j'ai le niveau B2."));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var request = (await made.Content.ReadFromJsonAsync<RightsRequestView>())!;
        Assert.Equal(("open", ParisTime.DateOf(DateTimeOffset.UtcNow).AddMonths(1), false), (request.State, request.DueOn, request.Overdue));
        Assert.Equal(HttpStatusCode.Conflict, (await attached.Candidate.PostAsJsonAsync($"{Me}/requests", new RightsRequestInput("correction", "Encore."))).StatusCode);
        Assert.Single(await EventsAsync<RightsRequestMade>(e => e.RequestId == request.Id && e.Pilots.Any(p => p.Name == "Pilote Test")));

        var queue = await member.GetFromJsonAsync<PageOf<CommissionRightsRequestView>>($"{Requests}?territory={Uri.EscapeDataString(attached.Territory)}&pageSize=100");
        Assert.Contains(queue!.Items, r => r.Request.Id == request.Id && r.DossierId == attached.DossierId);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("accepted", null))).StatusCode);
        Assert.Equal(["message"], (await ErrorsOfAsync(await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("refused", null)))).Keys);
        Assert.Equal(["decision"], (await ErrorsOfAsync(await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("peut-être", null)))).Keys);
        Assert.Equal(["state"], (await ErrorsOfAsync(await pilot.GetAsync($"{Requests}?state=tout"))).Keys);

        using var answered = await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("refused", "L'analyse porte sur l'anglais oral, évalué en entretien."));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(("refused", "Pilote Test"), (await answered.Content.ReadFromJsonAsync<RightsRequestView>()) is { } a ? (a.State, a.AnsweredBy) : default);
        Assert.Equal(HttpStatusCode.Conflict, (await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("accepted", null))).StatusCode);
        var told = Assert.Single(await EventsAsync<RightsRequestAnswered>(e => e.RequestId == request.Id));
        Assert.Equal((false, attached.Request.Identification!.Email), (told.Accepted, told.CandidateEmail));
        Assert.Equal("refused", (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!.Requests.Single().State);
        var answeredQueue = await pilot.GetFromJsonAsync<PageOf<CommissionRightsRequestView>>($"{Requests}?state=answered&pageSize=100");
        Assert.Contains(answeredQueue!.Items, r => r.Request.Id == request.Id);

        // Another territory's commission does not see it.
        var elsewhere = await MemberAsync(CandidateForm.Territories.First(t => t != attached.Territory), pilot: true);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("accepted", null))).StatusCode);
    }

    [Fact]
    public async Task An_unanswered_request_reminds_the_pilots_once_seven_days_before_and_is_flagged_overdue_after_its_due_date()
    {
        var attached = await AttachedAsync();
        var pilot = await MemberAsync(attached.Territory, pilot: true);
        var request = (await (await attached.Candidate.PostAsJsonAsync($"{Me}/requests", new RightsRequestInput("objection", "Je ne veux plus être suivi."))).Content.ReadFromJsonAsync<RightsRequestView>())!;
        var job = service.Factory.Services.GetRequiredService<RightsRequestReminders>();
        async Task<int> RemindersAsync()
        {
            await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the reminder job runs a round");
            return (await EventsAsync<RightsRequestReminderDue>(e => e.RequestId == request.Id)).Count;
        }

        Task DueInAsync(int days) => service.QueryAsync(db => db.RightsRequests.Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.DueOn, ParisTime.DateOf(DateTimeOffset.UtcNow).AddDays(days))));

        await DueInAsync(8);
        Assert.Equal(0, await RemindersAsync());
        await DueInAsync(7);
        Assert.Equal(1, await RemindersAsync());
        Assert.Equal(1, await RemindersAsync());
        Assert.DoesNotContain((await pilot.GetFromJsonAsync<PageOf<CommissionRightsRequestView>>($"{Requests}?state=overdue&pageSize=100"))!.Items, r => r.Request.Id == request.Id);

        await DueInAsync(-1);
        var overdue = await pilot.GetFromJsonAsync<PageOf<CommissionRightsRequestView>>($"{Requests}?state=overdue&pageSize=100");
        Assert.True(Assert.Single(overdue!.Items, r => r.Request.Id == request.Id).Request.Overdue);
        Assert.True((await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!.Requests.Single().Overdue);

        // An accepted objection withdraws the dossier: no longer processed, and no longer overdue.
        Assert.Equal(HttpStatusCode.OK, (await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("accepted", "Votre dossier est retiré."))).StatusCode);
        var view = (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!;
        Assert.Equal(("withdrawn", false), (view.Status.Code, view.Requests.Single().Overdue));
    }

    [Fact]
    public async Task An_accepted_erasure_request_erases_the_dossier_at_once_and_the_candidate_is_confirmed_by_the_erasure_event()
    {
        var attached = await AttachedAsync();
        var pilot = await MemberAsync(attached.Territory, pilot: true);
        Assert.Equal(HttpStatusCode.Created, (await attached.Candidate.PostAsJsonAsync($"{Me}/commitments", new CommitmentRequest("wants_to_stop", null))).StatusCode);
        var request = (await (await attached.Candidate.PostAsJsonAsync($"{Me}/requests", new RightsRequestInput("erasure", "J'ai trouvé un emploi, je ne souhaite plus être suivi."))).Content.ReadFromJsonAsync<RightsRequestView>())!;

        using var answered = await pilot.PostAsJsonAsync($"{Requests}/{request.Id}/answer", new RightsRequestAnswer("accepted", "Bonne continuation !"));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("accepted", (await answered.Content.ReadFromJsonAsync<RightsRequestView>())!.State);
        Assert.Equal(HttpStatusCode.NotFound, (await attached.Candidate.GetAsync($"{Me}/dossier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pilot.GetAsync($"{Commission}/{attached.DossierId}")).StatusCode);
        Assert.Equal((0, 0, 0, 0), await service.QueryAsync(async db => (
            await db.Dossiers.CountAsync(d => d.Id == attached.DossierId),
            await db.RightsRequests.CountAsync(r => r.DossierId == attached.DossierId),
            await db.CandidateCommitments.CountAsync(c => c.DossierId == attached.DossierId),
            await db.CandidateAttachments.CountAsync(a => a.DossierId == attached.DossierId))));
        var erased = Assert.Single(await EventsAsync<DossierErased>(e => e.DossierId == attached.DossierId));
        Assert.Equal((true, (Guid?)attached.AccountId, "Bonne continuation !", attached.Request.Identification!.FirstName), (erased.AtCandidatesRequest, erased.AccountId, erased.Message, erased.CandidateFirstName));
        Assert.Empty(await EventsAsync<RightsRequestAnswered>(e => e.RequestId == request.Id));
    }

    [Fact]
    public async Task The_candidate_answers_a_company_from_the_space_once_and_only_their_own_interests()
    {
        var request = SampleDossiers.Valid() with { Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, false) { TalentPool = true } };
        var attached = await AttachedAsync(request);
        var (_, card) = await PublishedAsync(attached);
        var organisationId = Guid.NewGuid();
        await service.Factory.Services.GetRequiredService<IBus>().Publish(new OrganisationRegistered(organisationId, "Alsace Numérique", "Entreprise", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.MemberOrganisations.AnyAsync(o => o.Id == organisationId && o.Current)), TimeSpan.FromSeconds(20), "the member recorded");
        using var recruiter = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Recruiter], organisationId));
        var interest = (await (await recruiter.PostAsJsonAsync($"/api/candidates/pool/cards/{card.Id}/interests", new InterestRequest("Un poste de développeuse."))).Content.ReadFromJsonAsync<InterestView>())!;

        var other = await AttachedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Candidate.PostAsJsonAsync($"{Me}/interests/{interest.Id}/answer", new SpaceInterestAnswer(true))).StatusCode);
        Assert.Equal(["agreed"], (await ErrorsOfAsync(await attached.Candidate.PostAsJsonAsync($"{Me}/interests/{interest.Id}/answer", new SpaceInterestAnswer(null)))).Keys);
        using var agreed = await attached.Candidate.PostAsJsonAsync($"{Me}/interests/{interest.Id}/answer", new SpaceInterestAnswer(true));

        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("agreed", (await agreed.Content.ReadFromJsonAsync<InterestView>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await attached.Candidate.PostAsJsonAsync($"{Me}/interests/{interest.Id}/answer", new SpaceInterestAnswer(false))).StatusCode);
        Assert.Equal("in_recruitment", (await attached.Candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!.Status.Code);
        var contact = await recruiter.GetFromJsonAsync<InterestView>($"/api/candidates/pool/interests/{interest.Id}");
        Assert.Equal(request.Identification!.Email, contact!.Contact!.Email);
    }

    [Fact]
    public async Task A_query_value_that_cannot_be_bound_is_a_problem_naming_the_parameter()
    {
        var pilot = await MemberAsync(CandidateForm.Territories[0], pilot: true);

        var errors = await ErrorsOfAsync(await pilot.GetAsync($"{Requests}?page=deux"));

        Assert.Equal("La valeur « deux » n'est pas valable (attendu : un nombre entier).", Assert.Single(errors["page"]));
        using var malformed = new StringContent("{\"decision\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal([string.Empty], (await ErrorsOfAsync(await pilot.PostAsync($"{Requests}/{Guid.NewGuid()}/answer", malformed))).Keys);
    }

    [Fact]
    public async Task A_pilot_who_knows_the_candidate_confirms_the_attachment_when_the_code_cannot_be_received()
    {
        var partner = service.CreateClient(service.Tokens.ForPartnerClient($"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid());
        var dossier = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        var pilot = await MemberAsync(dossier.Territory!, pilot: true);
        var member = await MemberAsync(dossier.Territory!, pilot: false);
        var accountId = Guid.NewGuid();
        var email = $"nouvelle.{Guid.NewGuid():N}@exemple.fr";
        using var candidate = service.CreateClient(service.Tokens.ForPerson([], subject: accountId, name: "Élodie Nouvelle", email: email));

        Assert.Equal(["number"], (await ErrorsOfAsync(await candidate.PostAsJsonAsync($"{Me}/attachment/pilot", new PilotAttachmentRequest("mon dossier", null)))).Keys);
        using var unknown = await candidate.PostAsJsonAsync($"{Me}/attachment/pilot", new PilotAttachmentRequest("D-999999", null));
        using var asked = await candidate.PostAsJsonAsync($"{Me}/attachment/pilot", new PilotAttachmentRequest(dossier.Number.ToLowerInvariant(), "J'ai changé d'adresse électronique."));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unknown.StatusCode, asked.StatusCode));
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<AttachmentView>())!.Message, (await asked.Content.ReadFromJsonAsync<AttachmentView>())!.Message);
        var told = Assert.Single(await EventsAsync<AttachmentConfirmationRequested>(e => e.DossierId == dossier.Id));
        Assert.Equal((email, "J'ai changé d'adresse électronique."), (told.Requester.Email, told.Message));
        Assert.Contains(told.Pilots, p => p.Name == "Pilote Test");

        var page = await pilot.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}");
        Assert.Equal(accountId, Assert.Single(page!.PendingAttachments).AccountId);
        Assert.Empty((await member.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}"))!.PendingAttachments);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"{Commission}/{dossier.Id}/attachment", new AttachmentDecision(accountId, true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pilot.PostAsJsonAsync($"{Commission}/{dossier.Id}/attachment", new AttachmentDecision(Guid.NewGuid(), true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"{Me}/dossier")).StatusCode);

        using var confirmed = await pilot.PostAsJsonAsync($"{Commission}/{dossier.Id}/attachment", new AttachmentDecision(accountId, true));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Empty((await confirmed.Content.ReadFromJsonAsync<List<PendingAttachmentView>>())!);
        Assert.Equal(dossier.Id, (await candidate.GetFromJsonAsync<CandidateDossierView>($"{Me}/dossier"))!.Id);
        Assert.Single(await EventsAsync<CandidateAttached>(e => e.AccountId == accountId && e.DossierId == dossier.Id));
        Assert.True(Assert.Single(await EventsAsync<AttachmentDecided>(e => e.Requester.Email == email)).Confirmed);
        Assert.Equal(HttpStatusCode.NotFound, (await pilot.PostAsJsonAsync($"{Commission}/{dossier.Id}/attachment", new AttachmentDecision(accountId, true))).StatusCode);
    }

    [Fact]
    public void A_kept_context_rederives_its_age_band_from_the_birth_date()
    {
        var content = new DossierContentView(
            new IdentificationView("Élodie", "Martin", null, new PostalAddressView("1 rue", null, "67000", "Strasbourg"), "e@exemple.fr", null, new DateOnly(1976, 1, 1)),
            new SearchContextView(CandidateForm.AgeBands[1], null, [CandidateForm.Reconversion]),
            new ProfileView([], [], CandidateForm.QualificationLevels[0], null, null, null),
            new ProjectView([], [], [], null, new MobilityView([], null), null),
            new ConsentView(CandidateNotices.CurrentDataUseVersion, false, DateTimeOffset.UtcNow));

        var merged = Rectification.Merge(new RectificationRequest(null, null, null, null) with { Profile = Rectification.Input(content.Profile) }, content);

        Assert.Null(merged.Context!.AgeBand);
        Assert.Equal([CandidateForm.Reconversion], merged.Context.Situations!);
        Assert.Equal(content.Identification.Email, merged.Identification!.Email);
        Assert.Empty(Rectification.ChangedSections(content, content));
        Assert.Equal([Rectification.ContextSection], Rectification.ChangedSections(content, content with { Context = content.Context with { ComplementaryActivity = "Bénévolat" } }));
    }
}
