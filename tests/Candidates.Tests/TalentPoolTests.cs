using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Candidates.Consents;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Billing;
using Nege.Contracts.Candidates;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Candidates.Tests;

/// <summary>The talent pool over HTTP, on the real service and database: publication, the pseudonymous card, the recruiters' search.</summary>
[Collection(CandidatesCollection.Name)]
public sealed class TalentPoolTests(CandidatesService service)
{
    private const string Commission = "/api/candidates/commission/dossiers";
    private const string Pool = "/api/candidates/pool/cards";

    /// <summary>A word no other test uses: each test searches its own cards only.</summary>
    private static string Marker() => "Zq" + new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    private HttpClient Admin() => service.CreateClient(service.Tokens.ForAdmin());

    private async Task<HttpClient> PilotAsync(string territory)
    {
        var id = Guid.NewGuid();
        using var admin = Admin();
        using var put = await admin.PutAsJsonAsync($"/api/candidates/territories/{territory}/members/{id}", new TerritoryMemberRequest("Pilote Test", $"{id:N}@exemple.fr", true));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission], subject: id, name: "Pilote Test"));
    }

    /// <summary>A recruiter of an organisation that Membership said became a member (its event, through the broker).</summary>
    private async Task<HttpClient> RecruiterAsync(string role = NegeRoles.Recruiter)
    {
        var organisationId = Guid.NewGuid();
        await service.Factory.Services.GetRequiredService<IBus>().Publish(
            new OrganisationRegistered(organisationId, $"Entreprise {organisationId:N}"[..20], "Entreprise", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(
            () => service.QueryAsync(db => db.MemberOrganisations.AnyAsync(o => o.Id == organisationId && o.Current)),
            TimeSpan.FromSeconds(20), "the organisation recorded as a member");
        return service.CreateClient(service.Tokens.ForPerson([role], organisationId));
    }

    private sealed record Qualified(Guid Id, DossierRequest Request, HttpClient Pilot, HttpClient Partner);

    /// <summary>A dossier taken to « qualifié employable » by the pilot of its territory.</summary>
    private async Task<Qualified> QualifiedAsync(DossierRequest request)
    {
        var partner = service.CreateClient(service.Tokens.ForPartnerClient(
            $"partner-{Guid.NewGuid():N}", Guid.NewGuid(), [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite]));
        using var created = await partner.PostAsJsonAsync("/api/candidates/v1/dossiers", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dossier = (await created.Content.ReadFromJsonAsync<DossierIntakeView>())!.Dossier;
        var pilot = await PilotAsync(dossier.Territory!);
        foreach (var to in new[] { "in_analysis", "advice_interview_planned", "employable" })
        {
            using var moved = await pilot.PostAsJsonAsync($"{Commission}/{dossier.Id}/transitions", new TransitionRequest(to, "Décision de la commission.", null));
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        return new Qualified(dossier.Id, request, pilot, partner);
    }

    private static DossierRequest Candidate(string job, bool talentPool = true, string firstName = "Élodie") =>
        SampleDossiers.Valid(firstName: firstName) with
        {
            Project = new ProjectInput([job], ["PME : 10-250 personnes"], ["CDI", "Alternance"], 3_800_000,
                new MobilityInput(["Alsace : Bas-Rhin (67)", "Alsace : Haut-Rhin (68)"], 40), "Azure"),
            Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, false) { TalentPool = talentPool },
            Context = new SearchContextInput(null, null, [CandidateForm.Reconversion, CandidateForm.Senior]),
        };

    private static async Task<TalentCardView> PublishAsync(Qualified dossier, string summary, DateOnly? availableFrom = null)
    {
        using var published = await dossier.Pilot.PostAsJsonAsync($"{Commission}/{dossier.Id}/publication", new PublicationRequest(summary, availableFrom, null));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (await published.Content.ReadFromJsonAsync<TalentCardView>())!;
    }

    private static async Task<PageOf<TalentCardHit>> SearchAsync(HttpClient recruiter, string query)
    {
        using var response = await recruiter.GetAsync($"{Pool}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PageOf<TalentCardHit>>())!;
    }

    [Fact]
    public async Task A_published_card_is_found_without_accents_and_never_shows_a_hidden_field()
    {
        var marker = Marker();
        var dossier = await QualifiedAsync(Candidate("Développeuse .NET"));
        var card = await PublishAsync(dossier, $"Quatre ans de support puis une reconversion réussie en développement {marker} ; à l'aise avec les équipes.");
        var recruiter = await RecruiterAsync();

        var found = await SearchAsync(recruiter, $"q=developpeur%20{marker}");

        var hit = Assert.Single(found.Items);
        Assert.Equal(card.Id, hit.Card.Id);
        Assert.NotEqual(dossier.Id, hit.Card.Id);
        Assert.Equal("Élodie", hit.Card.FirstName);
        Assert.Equal("published", hit.Card.Status.Code);
        Assert.Contains("<mark>", hit.Snippet);
        var identification = dossier.Request.Identification!;
        using var byId = await recruiter.GetAsync($"{Pool}/{card.Id}");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        using var list = await recruiter.GetAsync($"{Pool}?q={marker}");
        foreach (var json in new[] { await byId.Content.ReadAsStringAsync(), await list.Content.ReadAsStringAsync() })
        {
            Assert.Contains(marker, json);
            foreach (var hidden in new[]
                     {
                         identification.LastName!, identification.Email!, "12 34 56 78", "+33612345678", identification.Address!.Street!, "1990-05-12",
                         identification.PartnerReference!, dossier.Id.ToString(), "Senior", "Quatre ans de support informatique.", "\"email\"", "\"phone\"",
                     })
            {
                Assert.DoesNotContain(hidden, json, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task French_stemming_finds_singular_and_plural_and_either_gender_of_a_job_title()
    {
        var marker = Marker();
        var developer = await QualifiedAsync(Candidate("Développeur web", firstName: "Karim"));
        var administrator = await QualifiedAsync(Candidate("Administratrice systèmes et réseaux", firstName: "Sophie"));
        var masculine = await PublishAsync(developer, $"Sites en PHP et JavaScript {marker}.");
        var feminine = await PublishAsync(administrator, $"Serveurs Linux et sauvegardes {marker}.");
        var recruiter = await RecruiterAsync();

        async Task<IReadOnlyList<Guid>> Ids(string q) => [.. (await SearchAsync(recruiter, $"q={Uri.EscapeDataString(q)}%20{marker}")).Items.Select(h => h.Card.Id)];

        Assert.Equal([masculine.Id], await Ids("développeurs"));
        Assert.Equal([masculine.Id], await Ids("DEVELOPPEUSE"));
        Assert.Equal([feminine.Id], await Ids("administrateur"));
        Assert.Equal([feminine.Id], await Ids("réseau"));
        Assert.Equal([feminine.Id], await Ids("serveur"));
        Assert.Empty(await Ids("comptable"));
    }

    [Fact]
    public async Task Filters_sorting_and_paging_narrow_the_pool()
    {
        var marker = Marker();
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var first = await PublishAsync(await QualifiedAsync(Candidate("Développeuse .NET")), $"Premier profil {marker}.");
        var later = await PublishAsync(await QualifiedAsync(Candidate("Technicien support") with
        {
            Profile = new ProfileInput([new SkillInput("Technique", "PowerShell", "Pratique")], [], "Niveau 4 (baccalauréat)", null, 2, null),
            Project = new ProjectInput(["Technicien support"], [], ["CDD"], null, new MobilityInput(["Lorraine : Moselle (57)"], 10), null),
        }), $"Second profil {marker}.", soon);
        var recruiter = await RecruiterAsync(NegeRoles.Referent);

        async Task<IReadOnlyList<Guid>> Ids(string filters) => [.. (await SearchAsync(recruiter, $"q={marker}&{filters}")).Items.Select(h => h.Card.Id)];

        Assert.Equal([later.Id, first.Id], await Ids("sort=date"));
        Assert.Equal([first.Id], await Ids("skill=c%23"));
        Assert.Equal([later.Id], await Ids("skill=powershell"));
        Assert.Equal([first.Id], await Ids("contractType=Alternance"));
        Assert.Equal([later.Id], await Ids($"departement={Uri.EscapeDataString("Lorraine : Moselle (57)")}"));
        Assert.Equal([first.Id], await Ids($"qualificationLevel={Uri.EscapeDataString("Niveau 5 (bac+2 : BTS, DUT)")}"));
        Assert.Equal([first.Id], await Ids($"availableBy={DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7):yyyy-MM-dd}"));
        Assert.Equal([later.Id], await Ids("targetJob=techniciens"));
        var page = await SearchAsync(recruiter, $"q={marker}&sort=date&pageSize=1&page=2");
        Assert.Equal((2, first.Id), (page.Total, Assert.Single(page.Items).Card.Id));
        Assert.Equal($"À partir du {soon:dd/MM/yyyy}", (await SearchAsync(recruiter, $"q={marker}&skill=powershell")).Items[0].Card.Availability.Label);

        using var bad = await recruiter.GetAsync($"{Pool}?territory=Bretagne&contractType=CDX&sort=hasard&pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["contractType", "pageSize", "sort", "territory"], problem!.Errors.Keys.Order());
    }

    [Fact]
    public async Task Publication_needs_the_pilot_the_candidates_consent_and_a_summary_that_names_no_one()
    {
        var marker = Marker();
        var dossier = await QualifiedAsync(Candidate("Data analyst", talentPool: false));
        var url = $"{Commission}/{dossier.Id}/publication";

        using var member = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission], subject: Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync(url, new PublicationRequest("Profil.", null, null))).StatusCode);
        using var noConsent = await dossier.Pilot.PostAsJsonAsync(url, new PublicationRequest($"Analyse de données {marker}.", null, null));
        Assert.Equal(HttpStatusCode.Conflict, noConsent.StatusCode);
        Assert.Contains("consenti", await noConsent.Content.ReadAsStringAsync());
        using var named = await dossier.Pilot.PostAsJsonAsync(url, new PublicationRequest($"{dossier.Request.Identification!.LastName!.ToUpperInvariant()} maîtrise SQL.", null, true));
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Contains("nom de famille", await named.Content.ReadAsStringAsync());
        using var withPhone = await dossier.Pilot.PostAsJsonAsync(url, new PublicationRequest("Joignable au 06.12.34.56.78", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), true));
        var phoneProblem = await withPhone.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["availableFrom", "summary"], phoneProblem!.Errors.Keys.Order());
        Assert.Equal("employable", (await service.QueryAsync(db => db.Dossiers.SingleAsync(d => d.Id == dossier.Id))).Status.ToString().ToLowerInvariant());
        Assert.False(await service.QueryAsync(db => db.TalentCards.AnyAsync(c => c.DossierId == dossier.Id)));

        using var agreed = await dossier.Pilot.PostAsJsonAsync(url, new PublicationRequest($"Analyse de données {marker}.", null, true));
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        var ledger = await service.QueryAsync(db => db.ConsentRecords.Where(r => r.DossierId == dossier.Id && r.Kind == ConsentKind.TalentPool).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(false, ConsentGiver.Partner), (true, ConsentGiver.Pilot)], ledger.Select(r => (r.Given, r.By)));
        using var twice = await dossier.Pilot.PostAsJsonAsync(url, new PublicationRequest($"Analyse de données {marker}.", null, true));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task A_card_leaves_the_pool_at_once_when_consent_is_withdrawn_or_the_dossier_closes()
    {
        var marker = Marker();
        var withdrawing = await QualifiedAsync(Candidate("Chef de projet"));
        var closing = await QualifiedAsync(Candidate("Cheffe de projet"));
        await PublishAsync(withdrawing, $"Projets agiles {marker}.");
        await PublishAsync(closing, $"Projets web {marker}.");
        var recruiter = await RecruiterAsync();
        Assert.Equal(2, (await SearchAsync(recruiter, $"q={marker}")).Total);

        var replaced = withdrawing.Request with { Consent = new ConsentInput(CandidateNotices.CurrentDataUseVersion, false) { TalentPool = false } };
        Assert.Equal(HttpStatusCode.OK, (await withdrawing.Partner.PutAsJsonAsync($"/api/candidates/v1/dossiers/{withdrawing.Id}", replaced)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await closing.Pilot.PostAsJsonAsync($"{Commission}/{closing.Id}/transitions", new TransitionRequest("closed", "Le candidat a trouvé un emploi.", null))).StatusCode);

        Assert.Equal(0, (await SearchAsync(recruiter, $"q={marker}")).Total);
        var history = await withdrawing.Partner.GetFromJsonAsync<List<DossierTransitionView>>($"/api/candidates/v1/dossiers/{withdrawing.Id}/history");
        Assert.Equal(["published", "withdrawn_from_pool"], history!.TakeLast(2).Select(h => h.To));
        var card = await service.QueryAsync(db => db.TalentCards.SingleAsync(c => c.DossierId == closing.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"{Pool}/{card.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_search_asked_again_shows_each_change_of_a_card_made_since()
    {
        var marker = Marker();
        var dossier = await QualifiedAsync(Candidate("Technicien support"));
        await PublishAsync(dossier, $"Support de proximité {marker}.");
        var recruiter = await RecruiterAsync();
        Assert.Equal(["Technicien support"], Assert.Single((await SearchAsync(recruiter, $"q={marker}")).Items).Card.TargetJobs);
        Assert.Equal(["Technicien support"], Assert.Single((await SearchAsync(recruiter, $"q={marker}")).Items).Card.TargetJobs);

        var changed = dossier.Request with { Project = dossier.Request.Project! with { TargetJobs = ["Administrateur systèmes"] } };
        Assert.Equal(HttpStatusCode.OK, (await dossier.Partner.PutAsJsonAsync($"/api/candidates/v1/dossiers/{dossier.Id}", changed)).StatusCode);

        Assert.Equal(["Administrateur systèmes"], Assert.Single((await SearchAsync(recruiter, $"q={marker}")).Items).Card.TargetJobs);
    }

    [Fact]
    public async Task Only_people_of_a_current_member_search_the_pool()
    {
        using var outsider = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Recruiter], Guid.NewGuid()));
        using var unattached = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent]));
        using var partner = service.CreateClient(service.Tokens.ForPerson([NegeRoles.EmploymentPartner], Guid.NewGuid()));

        using var notMember = await outsider.GetAsync($"{Pool}?q=developpeur");
        Assert.Equal(HttpStatusCode.Forbidden, notMember.StatusCode);
        Assert.Contains("adhérent", await notMember.Content.ReadAsStringAsync());
        using var noOrganisation = await unattached.GetAsync($"{Pool}?q=developpeur");
        Assert.Equal(HttpStatusCode.Forbidden, noOrganisation.StatusCode);
        Assert.Contains("rattaché", await noOrganisation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"{Pool}?q=developpeur")).StatusCode);
    }

    [Fact]
    public async Task A_lapsed_members_people_are_refused_until_it_pays()
    {
        var organisationId = Guid.NewGuid();
        var bus = service.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new OrganisationRegistered(organisationId, "Retardataire", "Entreprise", DateTimeOffset.UtcNow.AddDays(-400)));
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.MemberOrganisations.AnyAsync(o => o.Id == organisationId && o.Current)),
            TimeSpan.FromSeconds(20), "the organisation recorded as a member");
        using var recruiter = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Recruiter], organisationId));
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"{Pool}?q=developpeur")).StatusCode);
        var referent = new PersonReference(Guid.NewGuid(), "Claire Référente", "claire@example.org");

        await bus.Publish(new MembershipLapsed(organisationId, "Retardataire", referent, "2026-0007", 384_00, DateTimeOffset.UtcNow.AddMinutes(-2)));
        await Eventually.UntilAsync(async () => (await recruiter.GetAsync($"{Pool}?q=developpeur")).StatusCode == HttpStatusCode.Forbidden,
            TimeSpan.FromSeconds(20), "the lapsed member's recruiter is refused");

        await bus.Publish(new MembershipReinstated(organisationId, "Retardataire", referent, "2026-0007", DateTimeOffset.UtcNow.AddMinutes(-1)));
        await Eventually.UntilAsync(async () => (await recruiter.GetAsync($"{Pool}?q=developpeur")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the reinstated member's recruiter searches again");
    }

    /// <summary>The answer link's token, as the candidate's e-mail carries it (read from the event Candidates sent).</summary>
    private async Task<string> AnswerTokenAsync(Guid interestId)
    {
        var payloads = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(InterestRecorded))).Select(m => m.Payload).ToListAsync());
        var recorded = payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<InterestRecorded>(p, System.Text.Json.JsonSerializerOptions.Web)!)
            .Single(e => e.InterestId == interestId);
        Assert.NotEmpty(recorded.Pilots);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(recorded.AnswerLink!.Query)["jeton"].ToString();
    }

    [Fact]
    public async Task Contact_details_and_documents_are_revealed_to_the_interested_company_only_once_the_candidate_agrees_and_each_reveal_is_audited()
    {
        var marker = Marker();
        var dossier = await QualifiedAsync(Candidate("Développeuse Java"));
        using var cv = new MultipartFormDataContent
        {
            { new StringContent("Curriculum Vitae"), "kind" },
            { new ByteArrayContent(SampleDocuments.Pdf()) { Headers = { ContentType = new("application/pdf") } }, "file", "cv.pdf" },
        };
        Assert.Equal(HttpStatusCode.Created, (await dossier.Partner.PostAsync($"/api/candidates/v1/dossiers/{dossier.Id}/documents", cv)).StatusCode);
        var card = await PublishAsync(dossier, $"Java et Spring {marker}.");
        var recruiter = await RecruiterAsync();
        var competitor = await RecruiterAsync();

        using var empty = await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest(" "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var recorded = await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest("Nous recrutons deux développeurs Java à Strasbourg."));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var interest = (await recorded.Content.ReadFromJsonAsync<InterestView>())!;
        Assert.Equal(("pending", null), (interest.Status, interest.Contact));
        Assert.Equal(HttpStatusCode.Conflict, (await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest("Encore"))).StatusCode);

        // Before the answer: no contact, no document, for anyone.
        var pending = await recruiter.GetFromJsonAsync<InterestView>($"/api/candidates/pool/interests/{interest.Id}");
        Assert.Null(pending!.Contact);
        Assert.Empty(pending.Documents);
        var documentId = await service.QueryAsync(db => db.DossierDocuments.Where(d => d.DossierId == dossier.Id).Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"/api/candidates/pool/interests/{interest.Id}/documents/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await competitor.GetAsync($"/api/candidates/pool/interests/{interest.Id}")).StatusCode);

        // The candidate answers from the link in their e-mail.
        var token = await AnswerTokenAsync(interest.Id);
        using var anonymous = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/candidates/interests/answer?token=faux")).StatusCode);
        var shown = await anonymous.GetFromJsonAsync<CandidateInterestView>($"/api/candidates/interests/answer?token={token}");
        Assert.Equal(("Élodie", "Nous recrutons deux développeurs Java à Strasbourg.", "pending"), (shown!.FirstName, shown.Message, shown.Status));
        using var answered = await anonymous.PostAsJsonAsync("/api/candidates/interests/answer", new CandidateInterestAnswerRequest(token, true));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync("/api/candidates/interests/answer", new CandidateInterestAnswerRequest(token, false))).StatusCode);

        var agreed = await recruiter.GetFromJsonAsync<InterestView>($"/api/candidates/pool/interests/{interest.Id}");
        Assert.Equal(("agreed", "candidate"), (agreed!.Status, agreed.AnsweredBy));
        Assert.Equal((dossier.Request.Identification!.LastName, dossier.Request.Identification.Email), (agreed.Contact!.LastName, agreed.Contact.Email));
        Assert.Equal(documentId, Assert.Single(agreed.Documents).Id);
        using var download = await recruiter.GetAsync($"/api/candidates/pool/interests/{interest.Id}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await competitor.GetAsync($"/api/candidates/pool/interests/{interest.Id}/documents/{documentId}")).StatusCode);
        Assert.Equal("in_recruitment", (await SearchAsync(recruiter, $"q={marker}")).Items.Single().Card.Status.Code);
        var reads = await service.QueryAsync(db => db.PersonalDataReads.Where(r => r.DossierId == dossier.Id).OrderBy(r => r.Id).Select(r => r.What).ToListAsync());
        Assert.Equal([Nege.Candidates.Audit.PersonalDataKinds.Contact, Nege.Candidates.Audit.PersonalDataKinds.Document], reads);
        Assert.Contains(await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>().Where(m => m.MessageType.Contains(nameof(InterestAnswered))).Select(m => m.Payload).ToListAsync()),
            p => System.Text.Json.JsonSerializer.Deserialize<InterestAnswered>(p, System.Text.Json.JsonSerializerOptions.Web) is { Agreed: true } answer && answer.InterestId == interest.Id);
    }

    [Fact]
    public async Task The_pilot_records_a_refusal_and_the_company_never_sees_the_contact()
    {
        var dossier = await QualifiedAsync(Candidate("Testeuse logiciel"));
        var card = await PublishAsync(dossier, "Tests automatisés et recette.");
        var recruiter = await RecruiterAsync();
        var interest = (await (await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest("Poste de testeur en CDI."))).Content.ReadFromJsonAsync<InterestView>())!;

        var listed = await dossier.Pilot.GetFromJsonAsync<List<InterestView>>($"{Commission}/{dossier.Id}/interests");
        Assert.Equal(interest.Id, Assert.Single(listed!).Id);
        using var member = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Commission], subject: Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsJsonAsync($"/api/candidates/commission/interests/{interest.Id}/answer", new InterestAnswerRequest(true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dossier.Pilot.PostAsJsonAsync($"/api/candidates/commission/interests/{interest.Id}/answer", new InterestAnswerRequest(null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dossier.Pilot.PostAsJsonAsync($"/api/candidates/commission/interests/{interest.Id}/answer", new InterestAnswerRequest(false))).StatusCode);

        var declined = await recruiter.GetFromJsonAsync<InterestView>($"/api/candidates/pool/interests/{interest.Id}");
        Assert.Equal(("declined", "pilot", null), (declined!.Status, declined.AnsweredBy, declined.Contact));
        var mine = await recruiter.GetFromJsonAsync<PageOf<InterestView>>("/api/candidates/pool/interests");
        Assert.Equal(interest.Id, Assert.Single(mine!.Items).Id);
        Assert.Equal("published", (await recruiter.GetFromJsonAsync<TalentCardView>($"{Pool}/{card.Id}"))!.Status.Code);
        Assert.False(await service.QueryAsync(db => db.PersonalDataReads.AnyAsync(r => r.DossierId == dossier.Id)));
    }

    [Fact]
    public async Task The_company_fills_its_follow_up_sheet_up_to_the_hire_which_the_partner_and_the_pilot_read()
    {
        var dossier = await QualifiedAsync(Candidate("Intégratrice web"));
        var card = await PublishAsync(dossier, "HTML, CSS et accessibilité.");
        var recruiter = await RecruiterAsync();
        var interest = (await (await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest("Poste d'intégratrice."))).Content.ReadFromJsonAsync<InterestView>())!;
        var sheetUrl = $"/api/candidates/pool/interests/{interest.Id}/sheet";
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync(sheetUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dossier.Pilot.PostAsJsonAsync($"/api/candidates/commission/interests/{interest.Id}/answer", new InterestAnswerRequest(true))).StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var wrong = await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("interview", null, "Pigeon voyageur", null, null, null, null));
        var problem = await wrong.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["date", "interviewKind"], problem!.Errors.Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("hire", today, null, null, "CDX", null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("interview", today, "Visioconférence", "Très bon échange.", null, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("proposal", today, null, "CDI, 34 k€.", null, null, null))).StatusCode);
        using var hired = await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("hire", today, null, null, "CDI", today.AddDays(30), null));
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        var sheet = (await hired.Content.ReadFromJsonAsync<FollowUpSheetView>())!;
        Assert.Equal("hired", sheet.Status);
        Assert.Equal(["interview", "proposal", "hire"], sheet.Entries.Select(e => e.Kind));
        Assert.Equal(HttpStatusCode.Conflict, (await recruiter.PostAsJsonAsync($"{sheetUrl}/entries", new FollowUpEntryRequest("end", today, null, null, null, null, "Oups"))).StatusCode);

        var seenByPartner = await dossier.Partner.GetFromJsonAsync<List<FollowUpSheetView>>($"/api/candidates/v1/dossiers/{dossier.Id}/follow-ups");
        Assert.Equal(("hired", 3), (Assert.Single(seenByPartner!).Status, seenByPartner![0].Entries.Count));
        var seenByPilot = await dossier.Pilot.GetFromJsonAsync<List<FollowUpSheetView>>($"{Commission}/{dossier.Id}/follow-ups");
        Assert.Equal(interest.Id, Assert.Single(seenByPilot!).InterestId);
        var history = await dossier.Partner.GetFromJsonAsync<List<DossierTransitionView>>($"/api/candidates/v1/dossiers/{dossier.Id}/history");
        Assert.Equal(["published", "in_recruitment", "hired"], history!.TakeLast(3).Select(h => h.To));
        Assert.Contains("CDI", history![^1].Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"{Pool}/{card.Id}")).StatusCode);
        var changes = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>().Where(m => m.MessageType.Contains(nameof(DossierStatusChanged))).Select(m => m.Payload).ToListAsync());
        Assert.Contains(changes, p => p.Contains(dossier.Id.ToString(), StringComparison.Ordinal) && p.Contains("\"hired\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sheet_without_news_for_21_days_reminds_its_recruiter_once_and_news_starts_the_count_again()
    {
        var dossier = await QualifiedAsync(Candidate("Analyste SOC"));
        var card = await PublishAsync(dossier, "Supervision et réponse à incident.");
        var recruiter = await RecruiterAsync();
        var interest = (await (await recruiter.PostAsJsonAsync($"{Pool}/{card.Id}/interests", new InterestRequest("Poste d'analyste."))).Content.ReadFromJsonAsync<InterestView>())!;
        Assert.Equal(HttpStatusCode.OK, (await dossier.Pilot.PostAsJsonAsync($"/api/candidates/commission/interests/{interest.Id}/answer", new InterestAnswerRequest(true))).StatusCode);
        var job = service.Factory.Services.GetRequiredService<Nege.Candidates.TalentPool.FollowUpReminders>();
        async Task<int> RemindersAsync()
        {
            await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the reminder job runs a round");
            var payloads = await service.QueryAsync(db => db.Set<Nege.ServiceDefaults.Messaging.OutboxMessage>()
                .Where(m => m.MessageType.Contains(nameof(FollowUpReminderDue))).Select(m => m.Payload).ToListAsync());
            return payloads.Count(p => p.Contains(interest.Id.ToString(), StringComparison.Ordinal));
        }

        // Time passes for the sheet: its dates move back together.
        async Task PassAsync(int days) => await service.QueryAsync(db => db.FollowUpSheets.Where(s => s.InterestId == interest.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastNewsAt, s => s.LastNewsAt.AddDays(-days))
                .SetProperty(s => s.RemindedAt, s => s.RemindedAt == null ? null : s.RemindedAt.Value.AddDays(-days))));

        await PassAsync(20);
        Assert.Equal(0, await RemindersAsync());
        await PassAsync(2);
        Assert.Equal(1, await RemindersAsync());
        Assert.Equal(1, await RemindersAsync());
        Assert.Equal(HttpStatusCode.Created, (await recruiter.PostAsJsonAsync($"/api/candidates/pool/interests/{interest.Id}/sheet/entries",
            new FollowUpEntryRequest("interview", DateOnly.FromDateTime(DateTime.UtcNow), "Sur site", null, null, null, null))).StatusCode);
        Assert.Equal(1, await RemindersAsync());
        await PassAsync(25);
        Assert.Equal(2, await RemindersAsync());
    }
}
