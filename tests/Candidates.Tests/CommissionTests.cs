using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Candidates.Audit;
using Nege.Candidates.Commission;
using Nege.Testing;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using Npgsql;

namespace Candidates.Tests;

/// <summary>The AAR commissions' work over HTTP, on the real service and database.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class CommissionTests(CandidatesService service)
{
    private const string Commission = "/api/candidates/commission/dossiers";

    private sealed record Member(Guid Id, string Name, HttpClient Client);

    private HttpClient Admin() => service.CreateClient(service.Tokens.ForAdmin());

    /// <summary>A commission member of <paramref name="territory"/>, put there by an admin.</summary>
    private async Task<Member> MemberAsync(string territory, bool pilot = false)
    {
        var id = Guid.NewGuid();
        var name = pilot ? $"Pilote {id:N}"[..16] : $"Membre {id:N}"[..16];
        using var admin = Admin();
        using var put = await admin.PutAsJsonAsync($"/api/candidates/territories/{territory}/members/{id}",
            new TerritoryMemberRequest(name, $"{id:N}@exemple.fr", pilot));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return new Member(id, name, service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission], subject: id, name: name)));
    }

    private async Task<PartnerDossierView> SubmitAsync(DossierRequest request)
    {
        using var partner = service.CreateClient(service.Tokens.ForPartnerClient(
            $"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
    }

    [Fact]
    public async Task Two_members_analyse_and_the_pilot_qualifies_every_step_logged_and_every_read_audited()
    {
        var dossier = await SubmitAsync(SampleDossiers.Valid(postalCode: "51100"));
        var first = await MemberAsync(CandidateForm.ChampagneArdenne);
        var second = await MemberAsync(CandidateForm.ChampagneArdenne);
        var pilot = await MemberAsync(CandidateForm.ChampagneArdenne, pilot: true);
        var url = $"{Commission}/{dossier.Id}";

        var queue = await first.Client.GetFromJsonAsync<PageOf<WorkQueueItem>>($"{Commission}?territory=Champagne-Ardenne&status=submitted&pageSize=100");
        Assert.Contains(queue!.Items, i => i.Id == dossier.Id && !i.Inactive);

        Assert.Equal(HttpStatusCode.OK, (await first.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("in_analysis", null, null))).StatusCode);
        using var cv = await first.Client.PostAsJsonAsync($"{url}/analyses", new AnalysisRequest(
            "cv_analysis", [new SkillInput("Technique", "C#", "Pratique")], "Parcours solide", "Tests automatisés", "Profil prometteur."));
        Assert.Equal(HttpStatusCode.Created, cv.StatusCode);
        using var interview = await second.Client.PostAsJsonAsync($"{url}/analyses", new AnalysisRequest("advice_interview", null, "Motivée", null, "Entretien du 3 décembre."));
        Assert.Equal(HttpStatusCode.Created, interview.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.Client.PostAsJsonAsync($"{url}/recommendations",
            new RecommendationRequest("job_search", "Cibler les ESN de la Marne."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("advice_interview_planned", null, null))).StatusCode);

        // A member does not decide; the pilot does, with a reason.
        using var refused = await first.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("employable", "Bon profil", null));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("pilote", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("employable", null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("employable", "Qualifiée employable en commission du 5 décembre.", null))).StatusCode);

        var page = await pilot.Client.GetFromJsonAsync<CommissionDossierView>(url);
        Assert.Equal("employable", page!.Status.Code);
        Assert.Equal(["submitted", "in_analysis", "advice_interview_planned", "employable"], page.History.Select(h => h.To));
        Assert.Equal([first.Name, second.Name, pilot.Name], page.History.Skip(1).Select(h => h.By));
        Assert.Equal([first.Name, second.Name], page.Analyses.Select(a => a.Author));
        Assert.Equal("Pratique", Assert.Single(page.Analyses[0].Skills).Level);
        Assert.Equal("Démarche de recherche d'emploi", Assert.Single(page.Recommendations).TopicLabel);

        // A decided dossier cannot be decided again.
        using var again = await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("not_retained", "Non", null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Qualifié employable", await again.Content.ReadAsStringAsync());

        var reads = await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == dossier.Id).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal((pilot.Id, pilot.Name, PersonalDataKinds.Dossier), (read.AccountId, read.ReaderName, read.What));
        using var admin = Admin();
        var audit = await admin.GetFromJsonAsync<PageOf<PersonalDataReadView>>($"/api/candidates/personal-data-reads?dossierId={dossier.Id}");
        Assert.Equal(pilot.Id, Assert.Single(audit!.Items).AccountId);
    }

    [Fact]
    public async Task Health_data_is_shown_to_the_pilot_only_and_audited_as_such()
    {
        var request = SampleDossiers.Valid(postalCode: "54000") with
        {
            Context = new SearchContextInput(null, null, [CandidateForm.EmploymentObligation, CandidateForm.Senior]),
        };
        var dossier = await SubmitAsync(request);
        var member = await MemberAsync(CandidateForm.Lorraine);
        var pilot = await MemberAsync(CandidateForm.Lorraine, pilot: true);

        var seenByMember = await member.Client.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}");
        var seenByPilot = await pilot.Client.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}");

        Assert.Equal([CandidateForm.Senior], seenByMember!.Content.Context.Situations);
        Assert.False(seenByMember.HealthDataShown);
        Assert.Contains(CandidateForm.EmploymentObligation, seenByPilot!.Content.Context.Situations);
        Assert.True(seenByPilot.HealthDataShown);
        var reads = await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == dossier.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(
            [(member.Id, PersonalDataKinds.Dossier), (pilot.Id, PersonalDataKinds.Dossier), (pilot.Id, PersonalDataKinds.HealthData)],
            reads.Select(r => (r.AccountId, r.What)));
    }

    [Fact]
    public async Task A_member_never_reaches_another_territorys_dossier_and_admins_dispatch_those_outside()
    {
        var alsace = await SubmitAsync(SampleDossiers.Valid(postalCode: "68100"));
        var paris = await SubmitAsync(SampleDossiers.Valid(postalCode: "75011"));
        var lorraine = await MemberAsync(CandidateForm.Lorraine, pilot: true);

        Assert.Null(paris.Territory);
        foreach (var id in new[] { alsace.Id, paris.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await lorraine.Client.GetAsync($"{Commission}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await lorraine.Client.PostAsJsonAsync($"{Commission}/{id}/transitions", new TransitionRequest("in_analysis", null, null))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await lorraine.Client.PostAsJsonAsync($"{Commission}/{id}/recommendations", new RecommendationRequest("job_search", "x"))).StatusCode);
        }

        var queue = await lorraine.Client.GetFromJsonAsync<PageOf<WorkQueueItem>>($"{Commission}?pageSize=100");
        Assert.All(queue!.Items, i => Assert.Equal(CandidateForm.Lorraine, i.Territory));
        Assert.Equal(HttpStatusCode.BadRequest, (await lorraine.Client.GetAsync($"{Commission}?territory=Alsace")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lorraine.Client.GetAsync($"{Commission}?territory=aucun")).StatusCode);

        using var admin = Admin();
        var undispatched = await admin.GetFromJsonAsync<PageOf<WorkQueueItem>>($"{Commission}?territory=aucun&pageSize=100");
        Assert.Contains(undispatched!.Items, i => i.Id == paris.Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Commission}/{paris.Id}/territory", new DispatchRequest(CandidateForm.Lorraine))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lorraine.Client.GetAsync($"{Commission}/{paris.Id}")).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.PersonalDataReads.CountAsync(r => r.DossierId == alsace.Id)));
    }

    [Fact]
    public async Task Wrong_moves_and_analyses_are_refused_with_French_reasons_and_nothing_written()
    {
        var dossier = await SubmitAsync(SampleDossiers.Valid(postalCode: "67000"));
        var pilot = await MemberAsync(CandidateForm.Alsace, pilot: true);
        var url = $"{Commission}/{dossier.Id}";

        using var skip = await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("employable", "Trop tôt", null));
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("« Déposé » ne peut pas passer à « Qualifié employable »", await skip.Content.ReadAsStringAsync());
        var badPlan = await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("accompaniment_plan_needed", "Formation", "CPF"));
        Assert.Equal(HttpStatusCode.BadRequest, badPlan.StatusCode);
        Assert.Contains("PIADC", await badPlan.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await pilot.Client.PostAsJsonAsync($"{url}/transitions", new TransitionRequest("published", null, null))).StatusCode);
        using var empty = await pilot.Client.PostAsJsonAsync($"{url}/analyses", new AnalysisRequest("cv_analysis", null, " ", null, null));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var badSkill = await pilot.Client.PostAsJsonAsync($"{url}/analyses", new AnalysisRequest("entretien", [new SkillInput("Langue", "Anglais", "Maîtrise")], "x", null, null));
        var problem = await badSkill.Content.ReadAsStringAsync();
        Assert.Contains("kind", problem);
        Assert.Contains("skills[0].level", problem);

        var counts = await service.QueryAsync(async db => (
            await db.DossierTransitions.CountAsync(t => t.DossierId == dossier.Id),
            await db.DossierAnalyses.CountAsync(a => a.DossierId == dossier.Id)));
        Assert.Equal((1, 0), counts);
    }

    [Fact]
    public async Task A_new_dossier_names_the_pilots_of_its_territory_for_their_e_mail()
    {
        var pilot = await MemberAsync(CandidateForm.Alsace, pilot: true);
        var member = await MemberAsync(CandidateForm.Alsace);

        var dossier = await SubmitAsync(SampleDossiers.Valid(postalCode: "90000"));

        var rows = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(DossierSubmitted))).ToListAsync());
        var payload = Assert.Single(rows, m => m.Payload.Contains(dossier.Id.ToString(), StringComparison.Ordinal)).Payload;
        Assert.Contains(pilot.Name, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Name, payload, StringComparison.Ordinal);
        Assert.Contains($"/espace-membre/commission/dossiers/{dossier.Id}", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pilots_get_one_reminder_a_day_listing_their_territorys_inactive_dossiers()
    {
        var pilot = await MemberAsync(CandidateForm.ChampagneArdenne, pilot: true);
        var idle = await SubmitAsync(SampleDossiers.Valid(postalCode: "10000"));
        var active = await SubmitAsync(SampleDossiers.Valid(postalCode: "08000"));
        await service.QueryAsync(db => db.Dossiers.Where(d => d.Id == idle.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.UpdatedAt, DateTimeOffset.UtcNow.AddDays(-16))));

        var queue = await pilot.Client.GetFromJsonAsync<PageOf<WorkQueueItem>>($"{Commission}?territory=Champagne-Ardenne&inactive=true&pageSize=100");
        var flagged = Assert.Single(queue!.Items, i => i.Id == idle.Id);
        Assert.True(flagged.Inactive);
        Assert.Equal(16, flagged.DaysWithoutActivity);
        Assert.DoesNotContain(queue.Items, i => i.Id == active.Id);

        var job = service.Factory.Services.GetRequiredService<InactivityReminders>();
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the reminder job runs a round");
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the reminder job runs a second round");

        var reminders = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(InactiveDossiersReminderDue))).ToListAsync());
        var reminder = Assert.Single(reminders, m => m.Payload.Contains("Champagne-Ardenne", StringComparison.Ordinal)).Payload;
        Assert.Contains(idle.Id.ToString(), reminder, StringComparison.Ordinal);
        Assert.DoesNotContain(active.Id.ToString(), reminder, StringComparison.Ordinal);
        Assert.Contains(pilot.Name, reminder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_is_append_only()
    {
        var dossier = await SubmitAsync(SampleDossiers.Valid(postalCode: "88000"));
        var member = await MemberAsync(CandidateForm.Lorraine);
        await member.Client.GetAsync($"{Commission}/{dossier.Id}");

        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { $"UPDATE {AuditLog.Table} SET reader_name = 'x'", $"DELETE FROM {AuditLog.Table}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText);
        }

        Assert.Equal(1, await service.QueryAsync(db => db.PersonalDataReads.CountAsync(r => r.DossierId == dossier.Id)));
    }

    [Fact]
    public async Task The_territorys_members_see_the_dossiers_documents_and_each_download_is_audited()
    {
        var partner = service.CreateClient(service.Tokens.ForPartnerClient(
            $"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", SampleDossiers.Valid(postalCode: "08000"));
        var dossier = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Curriculum Vitae", System.Text.Encoding.UTF8), "kind" },
            { new ByteArrayContent(SampleDocuments.Pdf()), "file", "cv-candidat.pdf" },
        };
        using var uploaded = await partner.PostAsync($"/api/candidates/v1/dossiers/{dossier.Id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var member = await MemberAsync(CandidateForm.ChampagneArdenne);
        var stranger = await MemberAsync(CandidateForm.Alsace);

        var page = await member.Client.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}");
        var document = Assert.Single(page!.Documents);
        Assert.Equal(("Curriculum Vitae", "cv-candidat.pdf", "application/pdf"), (document.Kind, document.FileName, document.ContentType));
        Assert.StartsWith("Système du partenaire (partner-", document.UploadedBy, StringComparison.Ordinal);

        using var download = await member.Client.GetAsync($"{Commission}/{dossier.Id}/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleDocuments.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{Commission}/{dossier.Id}/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"{Commission}/{dossier.Id}/documents/{Guid.NewGuid()}")).StatusCode);

        var reads = await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == dossier.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["dossier", "document"], reads.Select(r => r.What));
        Assert.Equal((member.Id, "Curriculum Vitae : cv-candidat.pdf"), (reads[1].AccountId, reads[1].Detail));
    }

    [Fact]
    public async Task A_dispatched_dossier_is_in_its_log_and_the_new_territorys_pilots_are_told()
    {
        var dossier = await SubmitAsync(SampleDossiers.Valid(postalCode: "75011"));
        Assert.Null(dossier.Territory);
        var pilot = await MemberAsync(CandidateForm.Alsace, pilot: true);
        using var admin = Admin();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Commission}/{dossier.Id}/territory", new DispatchRequest(CandidateForm.Alsace))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Commission}/{dossier.Id}/territory", new DispatchRequest(CandidateForm.Alsace))).StatusCode);

        var page = await pilot.Client.GetFromJsonAsync<CommissionDossierView>($"{Commission}/{dossier.Id}");
        Assert.Equal(2, page!.History.Count);
        var dispatched = page.History[1];
        Assert.Equal(("submitted", "submitted", "Confié à la commission Alsace."), (dispatched.From, dispatched.To, dispatched.Reason));
        var payloads = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(DossierDispatched))).Select(m => m.Payload).ToListAsync());
        var told = Assert.Single(payloads, p => p.Contains(dossier.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(pilot.Name, told, StringComparison.Ordinal);
        Assert.Contains($"/espace-membre/commission/dossiers/{dossier.Id}", told, StringComparison.Ordinal);
    }
}
