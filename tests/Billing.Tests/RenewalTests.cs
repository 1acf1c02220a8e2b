using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Billing;
using Nege.Billing.Calls;
using Nege.Billing.Members;
using Nege.Billing.Renewals;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>
/// The yearly renewal with a fake clock: the referents asked a month before, reminded at D-15 unless they answered, and
/// called on the renewal day with the figures they declared; and the referent's own page of headcounts.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class RenewalTests(BillingService service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<List<T>> EventsAsync<T>(Func<T, bool> about) => (await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(typeof(T).Name)).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync()))
        .Select(payload => JsonSerializer.Deserialize<T>(payload, Json)!).Where(about).ToList();

    private async Task<BillingMember> MemberAsync(string name, MembershipPerimeter perimeter, DateTimeOffset approvedAt, bool lapsed = false)
    {
        var member = BillingMember.From(FeeCallsTests.Approval(Guid.NewGuid(), name, perimeter, approvedAt));
        member.LapsedAt = lapsed ? approvedAt.AddMonths(3) : null;
        await service.QueryAsync(async db =>
        {
            db.Members.Add(member);
            return await db.SaveChangesAsync();
        });
        return member;
    }

    private Task<List<FeeCall>> CallsOfAsync(Guid organisationId) =>
        service.QueryAsync(db => db.FeeCalls.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.IssuedAt).ToListAsync());

    [Fact]
    public async Task Referents_are_asked_a_month_before_reminded_at_D_minus_15_unless_they_answered_then_called_with_the_declared_figures()
    {
        // The 2019 renewal: its members were admitted in 2018, before any other test's, so only they are renewed for 2019.
        var answers = await MemberAsync("Répond à temps", new MembershipPerimeter(12, 14, 0), new DateTimeOffset(2018, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var silent = await MemberAsync("Ne répond pas", new MembershipPerimeter(30, 0, 0), new DateTimeOffset(2018, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var lapsed = await MemberAsync("Suspendu", new MembershipPerimeter(0, 0, 8), new DateTimeOffset(2018, 2, 5, 9, 0, 0, TimeSpan.Zero), lapsed: true);
        var admittedLate = await IssuedCalls.CalledAsync(service, "Admis en novembre", "Entreprise", new MembershipPerimeter(5, 0, 0),
            new DateTimeOffset(2018, 11, 5, 9, 0, 0, TimeSpan.Zero), year: 2019);
        var ours = new HashSet<Guid> { answers.OrganisationId, silent.OrganisationId, lapsed.OrganisationId, admittedLate.OrganisationId };

        var clock = new FakeTimeProvider();
        var links = service.Factory.Services.GetRequiredService<BillingLinks>();
        var issuer = new FeeCallIssuer(clock, Options.Create(new FeeCallOptions()), Options.Create(new AssociationIdentity()), links);
        var job = new RenewalCampaign(service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<RenewalCampaign>.Instance,
            Options.Create(new FeeCallOptions()), issuer, links);
        async Task RunAtAsync(DateOnly day)
        {
            clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
            await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the renewal's job runs a round");
        }

        Task<List<PerimeterConfirmationRequested>> RequestsAsync() => EventsAsync<PerimeterConfirmationRequested>(e => e.Year == 2019 && ours.Contains(e.OrganisationId));

        await RunAtAsync(new DateOnly(2018, 11, 30));
        Assert.Empty(await RequestsAsync());

        await RunAtAsync(new DateOnly(2018, 12, 1));
        await RunAtAsync(new DateOnly(2018, 12, 5));
        var requests = (await RequestsAsync()).ToDictionary(r => r.OrganisationId);
        Assert.Equal(new HashSet<Guid> { answers.OrganisationId, lapsed.OrganisationId, silent.OrganisationId }, requests.Keys.ToHashSet());
        var asked = requests[answers.OrganisationId];
        Assert.Equal((new DateOnly(2019, 1, 1), new MembershipPerimeter(12, 14, 0), 672_00L, false), (asked.RenewalOn, asked.Perimeter, asked.EstimatedCents, asked.IsReminder));
        Assert.Equal((answers.ReferentEmail, "Répond à temps"), (asked.Referent.Email, asked.OrganisationName));
        Assert.EndsWith("/espace-membre/mes-effectifs", asked.ExtranetLink!.AbsoluteUri);

        // The referent answers with more staff in Alsace.
        var declaredAt = new DateTimeOffset(2018, 12, 10, 14, 0, 0, TimeSpan.Zero);
        var campaignYear = await service.QueryAsync(async db =>
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var member = await db.Members.SingleAsync(m => m.OrganisationId == answers.OrganisationId);
            var year = await MemberRenewals.DeclareAsync(db, member, new MembershipPerimeter(40, 14, 0), "Claire Référente", declaredAt, new FeeCallOptions(), CancellationToken.None);
            await db.SaveChangesAsync();
            return year;
        });
        Assert.Equal(2019, campaignYear);
        var row = await service.QueryAsync(db => db.Renewals.AsNoTracking().SingleAsync(r => r.OrganisationId == answers.OrganisationId && r.Year == 2019));
        Assert.Equal((declaredAt, null), (row.DeclaredAt, row.RemindedAt));

        await RunAtAsync(new DateOnly(2018, 12, 16));
        Assert.DoesNotContain(await RequestsAsync(), r => r.IsReminder);
        await RunAtAsync(new DateOnly(2018, 12, 17));
        await RunAtAsync(new DateOnly(2018, 12, 31));
        var reminders = (await RequestsAsync()).Where(r => r.IsReminder).ToList();
        Assert.Equal(new HashSet<Guid> { lapsed.OrganisationId, silent.OrganisationId }, reminders.Select(r => r.OrganisationId).ToHashSet());
        Assert.Equal(2, reminders.Count);

        await RunAtAsync(new DateOnly(2019, 1, 1));
        await RunAtAsync(new DateOnly(2019, 1, 2));
        var declaredCall = Assert.Single(await CallsOfAsync(answers.OrganisationId));
        Assert.Equal((2019, FeeCallReason.Renewal, 1_152_00L), (declaredCall.Year, declaredCall.Reason, declaredCall.AmountCents));
        Assert.Contains("54 salariés sur le périmètre (Alsace 40, Champagne-Ardenne 14)", declaredCall.Computation.Explanation);
        Assert.Matches(@"^2019-\d{4}$", declaredCall.Number);
        Assert.Equal(new DateOnly(2019, 1, 31), declaredCall.DueOn);
        var silentCall = Assert.Single(await CallsOfAsync(silent.OrganisationId));
        Assert.Equal((672_00L, FeeCallReason.Renewal), (silentCall.AmountCents, silentCall.Reason));
        Assert.Equal(192_00L, Assert.Single(await CallsOfAsync(lapsed.OrganisationId)).AmountCents);
        Assert.Equal(FeeCallReason.Admission, Assert.Single(await CallsOfAsync(admittedLate.OrganisationId)).Reason);
        var issued = await EventsAsync<FeeCallIssued>(e => e.Year == 2019 && ours.Contains(e.OrganisationId));
        Assert.Equal(4, issued.Count);

        var renewal = await service.QueryAsync(db => db.Renewals.AsNoTracking().SingleAsync(r => r.OrganisationId == answers.OrganisationId && r.Year == 2019));
        Assert.Equal((declaredCall.Id, "Claire Référente", 40), (renewal.FeeCallId, renewal.DeclaredBy, renewal.DeclaredAlsace));

        // A member the renewal missed is not called a month late.
        var forgotten = await MemberAsync("Oublié", new MembershipPerimeter(3, 0, 0), new DateTimeOffset(2018, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await RunAtAsync(new DateOnly(2019, 2, 1));
        Assert.Empty(await CallsOfAsync(forgotten.OrganisationId));
    }

    [Fact]
    public async Task The_referent_reads_and_declares_the_headcounts_the_next_call_uses_and_bad_figures_change_nothing()
    {
        var call = await IssuedCalls.CalledAsync(service, "Déclare ses effectifs", "Entreprise", new MembershipPerimeter(12, 14, 0), DateTimeOffset.UtcNow);
        using var referent = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], name: "Claire Référente", organisationId: call.OrganisationId));

        var before = (await referent.GetFromJsonAsync<PerimeterView>("/api/billing/me/perimeter"))!;
        Assert.Equal(("Déclare ses effectifs", 12, 14, 0, 672_00L), (before.OrganisationName, before.Alsace, before.ChampagneArdenne, before.Lorraine, before.Estimate.AmountCents));
        Assert.True(before.NextCallYear > call.Year, "the year already called is not the next call's");
        Assert.Equal(new FeeCallOptions().RenewalDate(before.NextCallYear), before.NextCallOn);
        Assert.Equal(before.NextCallOn.AddMonths(-1), before.CampaignOpensOn);

        var refused = new (PerimeterDeclaration Body, string[] Fields)[]
        {
            (new PerimeterDeclaration(null, 3, 0), ["alsace"]),
            (new PerimeterDeclaration(-1, 3, 1_000_001), ["alsace", "lorraine"]),
            (new PerimeterDeclaration(0, 0, 0), ["perimeter"]),
        };
        foreach (var (body, fields) in refused)
        {
            var response = await referent.PutAsJsonAsync("/api/billing/me/perimeter", body);
            Assert.Equal(fields, (await ProblemAssertions.ValidationErrorsAsync(response)).Keys.Order());
        }

        Assert.Equal((12, 14, 0), await service.QueryAsync(db => db.Members.Where(m => m.OrganisationId == call.OrganisationId)
            .Select(m => new ValueTuple<int, int, int>(m.PerimeterAlsace, m.PerimeterChampagneArdenne, m.PerimeterLorraine)).SingleAsync()));
        Assert.Empty(await EventsAsync<PerimeterDeclared>(e => e.OrganisationId == call.OrganisationId));

        var declared = await referent.PutAsJsonAsync("/api/billing/me/perimeter", new PerimeterDeclaration(40, 14, 0));
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var after = (await declared.Content.ReadFromJsonAsync<PerimeterView>())!;
        Assert.Equal((40, 1_152_00L), (after.Alsace, after.Estimate.AmountCents));
        Assert.Contains("Alsace 40, Champagne-Ardenne 14", after.Estimate.Explanation);
        var published = Assert.Single(await EventsAsync<PerimeterDeclared>(e => e.OrganisationId == call.OrganisationId));
        Assert.Equal((new MembershipPerimeter(40, 14, 0), "Claire Référente"), (published.Perimeter, published.DeclaredBy));
        Assert.Equal(after.CampaignOpen ? after.NextCallYear : null, published.Year);
        Assert.Equal(after.CampaignOpen, after.DeclaredAt is not null);

        // The roll and the next call read the member's figures: they are the declared ones now.
        Assert.Equal(54, await service.QueryAsync(db => db.Members.Where(m => m.OrganisationId == call.OrganisationId)
            .Select(m => m.PerimeterAlsace + m.PerimeterChampagneArdenne + m.PerimeterLorraine).SingleAsync()));
    }

    [Fact]
    public async Task Only_a_member_s_referent_reads_or_declares_its_headcounts()
    {
        using var noOrganisation = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent]));
        using var notAMember = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], organisationId: Guid.NewGuid()));
        using var treasurer = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer]));
        var body = new PerimeterDeclaration(1, 0, 0);

        Assert.Equal(HttpStatusCode.Forbidden, (await noOrganisation.PutAsJsonAsync("/api/billing/me/perimeter", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notAMember.PutAsJsonAsync("/api/billing/me/perimeter", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await notAMember.GetAsync("/api/billing/me/perimeter")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.GetAsync("/api/billing/me/perimeter")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().GetAsync("/api/billing/me/perimeter")).StatusCode);
    }
}
