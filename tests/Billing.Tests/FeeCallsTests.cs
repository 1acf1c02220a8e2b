using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Billing.Calls;
using Nege.Billing.Members;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>Fee calls: issued on approval with their PDF, numbered without gaps under concurrency, cancelled by credit notes.</summary>
[Collection(BillingCollection.Name)]
public sealed class FeeCallsTests(BillingService service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Treasurer() => service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer], name: "Dominique Trésorier"));

    public static MembershipApproved Approval(Guid organisationId, string name, MembershipPerimeter perimeter, DateTimeOffset approvedAt, bool digital = true) => new(
        organisationId, Guid.NewGuid(), name, "Entreprise", "Alsace : Bas-Rhin (67)", digital, "PME : 10-250 personnes",
        ["ESN - Agence Web"], ["Alsace : Bas-Rhin (67)"], ["Alsace : Bas-Rhin (67)"], perimeter,
        Affiliation: null, Startup: null,
        Referent: new PersonReference(Guid.NewGuid(), "Claire Référente", $"claire.{organisationId:N}@example.org"),
        HrContact: new PersonReference(Guid.NewGuid(), "Hugo RH", "hugo@example.org"),
        ApprovedAt: approvedAt);

    private async Task<FeeCall> CallOfAsync(Guid organisationId) => await Eventually.ValueAsync(
        () => service.QueryAsync(db => db.FeeCalls.AsNoTracking().FirstOrDefaultAsync(c => c.OrganisationId == organisationId)),
        TimeSpan.FromSeconds(30), "Billing issues the new member's fee call");

    [Fact]
    public async Task An_approved_member_is_called_with_a_pdf_that_shows_the_computation_and_the_vat_mention()
    {
        var organisationId = Guid.NewGuid();
        var approvedAt = new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero);
        await service.Factory.Services.GetRequiredService<IBus>().Publish(Approval(organisationId, "Octet & Fils", new MembershipPerimeter(12, 14, 0), approvedAt));

        var call = await CallOfAsync(organisationId);
        Assert.Equal(2026, call.Year);
        Assert.Matches(@"^2026-\d{4}$", call.Number);
        Assert.Equal((672_00L, FeeCallStatus.Issued, FeeCallReason.Admission), (call.AmountCents, call.Status, call.Reason));
        Assert.Equal(["Alsace", "Champagne-Ardenne"], call.Territories);
        Assert.Equal(ParisTime.DateOf(call.IssuedAt).AddDays(30), call.DueOn);

        var text = await PdfText.OfAsync(call.Pdf);
        Assert.Contains($"Appel de cotisation 2026 n° {call.Number}", text);
        Assert.Contains("Numéric'Emploi Grand Est", text);
        Assert.Contains("Octet & Fils", text);
        Assert.Contains("Claire Référente", text);
        Assert.Contains("Tranche", text);
        Assert.Contains("25 à 50", text);
        Assert.Contains("672 €", text);
        Assert.Contains(BillingDocuments.Day(call.DueOn), text);
        Assert.Contains("TVA non applicable, art. 261-7-1° du CGI", text);
        Assert.Contains("par chèque à l'ordre de Numéric'Emploi Grand Est", text);

        // The event carries the very PDF issued, for the referent's e-mail.
        var payloads = await service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(FeeCallIssued))).Select(m => m.Payload).ToListAsync());
        var issued = payloads.Select(p => JsonSerializer.Deserialize<FeeCallIssued>(p, Json)!).Single(e => e.FeeCallId == call.Id);
        Assert.Equal(call.Pdf, issued.Pdf.Content);
        Assert.Equal(($"appel-de-cotisation-{call.Number}.pdf", "application/pdf"), (issued.Pdf.FileName, issued.Pdf.ContentType));
        Assert.Equal(call.ReferentEmail, issued.Referent.Email);
        Assert.Equal("/espace-membre/mes-cotisations", issued.ExtranetLink?.AbsolutePath);
    }

    [Fact]
    public async Task A_member_approved_in_the_last_three_months_is_called_for_the_next_year_once()
    {
        var organisationId = Guid.NewGuid();
        var approval = Approval(organisationId, "Tard Venu", new MembershipPerimeter(0, 0, 30), new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero), digital: false);
        var bus = service.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(approval);
        var call = await CallOfAsync(organisationId);

        // The same approval again (a redelivery, a second message): still one call.
        var again = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await bus.Publish(approval, context => context.MessageId = again[0]);
        await bus.Publish(approval with { ApplicationId = Guid.NewGuid() }, context => context.MessageId = again[1]);
        await Eventually.UntilAsync(async () => await service.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => again.Contains(m.MessageId))) == 2,
            TimeSpan.FromSeconds(30), "both approvals are consumed");

        Assert.Equal((2027, 1_344_00L), (call.Year, call.AmountCents));
        Assert.Matches(@"^2027-\d{4}$", call.Number);
        Assert.Equal(1, await service.QueryAsync(db => db.FeeCalls.CountAsync(c => c.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task Numbers_stay_unique_chronological_and_gapless_under_50_concurrent_issuings_and_a_cancellation()
    {
        const int year = 2031;
        var members = Enumerable.Range(1, 50).Select(i => BillingMember.From(Approval(Guid.NewGuid(), $"Concurrent {i:00}", new MembershipPerimeter(i, 0, 0), DateTimeOffset.UtcNow)))
            .ToList();
        await service.QueryAsync(async db =>
        {
            db.Members.AddRange(members);
            return await db.SaveChangesAsync();
        });

        using var treasurer = Treasurer();
        var responses = await Task.WhenAll(members.Select(m => treasurer.PostAsJsonAsync($"/api/billing/members/{m.OrganisationId}/calls", new FeeCallRequest(year))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var calls = await service.QueryAsync(db => db.FeeCalls.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"{year}-{n:0000}"), calls.Select(c => c.Number));
        Assert.Equal(calls.OrderBy(c => c.IssuedAt).ThenBy(c => c.Number).Select(c => c.Number), calls.Select(c => c.Number));
        Assert.Equal(50, calls.Select(c => c.OrganisationId).Distinct().Count());

        // A second call for the same member and year is refused while the first stands.
        var twice = await treasurer.PostAsJsonAsync($"/api/billing/members/{members[0].OrganisationId}/calls", new FeeCallRequest(year));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // A mistake is cancelled by a credit note with its own number; the call keeps its number, the next call takes the next one.
        var mistaken = calls[17];
        var noReason = await treasurer.PostAsJsonAsync($"/api/billing/calls/{mistaken.Id}/cancel", new FeeCallCancellation(" "));
        Assert.Contains("reason", (await ProblemAssertions.ValidationErrorsAsync(noReason)).Keys);
        var cancelled = await treasurer.PostAsJsonAsync($"/api/billing/calls/{mistaken.Id}/cancel", new FeeCallCancellation("Effectif déclaré par erreur"));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = (await cancelled.Content.ReadFromJsonAsync<FeeCallView>())!;
        Assert.Equal(("cancelled", mistaken.Number), (view.Status, view.Number));
        Assert.Matches(@"^AV-\d{4}-\d{4}$", view.CreditNote!.Number);
        Assert.Equal(HttpStatusCode.Conflict, (await treasurer.PostAsJsonAsync($"/api/billing/calls/{mistaken.Id}/cancel", new FeeCallCancellation("Encore"))).StatusCode);

        var creditNote = await treasurer.GetAsync($"/api/billing/credit-notes/{view.CreditNote.Id}/pdf");
        var noteText = await PdfText.OfAsync(await creditNote.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Avoir n° {view.CreditNote.Number}", noteText);
        Assert.Contains(mistaken.Number, noteText);
        Assert.Contains("Effectif déclaré par erreur", noteText);
        Assert.Contains("TVA non applicable, art. 261-7-1° du CGI", noteText);

        var reissued = await treasurer.PostAsJsonAsync($"/api/billing/members/{mistaken.OrganisationId}/calls", new FeeCallRequest(year));
        Assert.Equal($"{year}-0051", (await reissued.Content.ReadFromJsonAsync<FeeCallView>())!.Number);
    }

    [Fact]
    public async Task An_issued_call_is_never_deleted_nor_rewritten()
    {
        var organisationId = Guid.NewGuid();
        await service.Factory.Services.GetRequiredService<IBus>().Publish(Approval(organisationId, "Gravé dans le marbre", new MembershipPerimeter(3, 0, 0), DateTimeOffset.UtcNow));
        var call = await CallOfAsync(organisationId);

        var delete = await Record.ExceptionAsync(() => service.QueryAsync(db => db.FeeCalls.Where(c => c.Id == call.Id).ExecuteDeleteAsync()));
        var rewrite = await Record.ExceptionAsync(() => service.QueryAsync(db => db.FeeCalls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.AmountCents, 1))));

        Assert.Contains("never deleted", delete?.Message);
        Assert.Contains("never change", rewrite?.Message);
        Assert.Equal(call.AmountCents, await service.QueryAsync(db => db.FeeCalls.Where(c => c.Id == call.Id).Select(c => c.AmountCents).SingleAsync()));
    }

    [Fact]
    public async Task The_treasurer_lists_filters_totals_and_exports_the_calls_and_a_referent_sees_only_their_own()
    {
        const int year = 2032;
        var members = new[] { ("Liste Alsace", new MembershipPerimeter(5, 0, 0)), ("Liste Lorraine", new MembershipPerimeter(0, 0, 30)), ("Liste Les Deux", new MembershipPerimeter(10, 0, 10)) }
            .Select(m => BillingMember.From(Approval(Guid.NewGuid(), m.Item1, m.Item2, DateTimeOffset.UtcNow))).ToList();
        await service.QueryAsync(async db =>
        {
            db.Members.AddRange(members);
            return await db.SaveChangesAsync();
        });
        using var treasurer = Treasurer();
        foreach (var member in members)
        {
            Assert.Equal(HttpStatusCode.Created, (await treasurer.PostAsJsonAsync($"/api/billing/members/{member.OrganisationId}/calls", new FeeCallRequest(year))).StatusCode);
        }

        var all = await treasurer.GetFromJsonAsync<FeeCallPage>($"/api/billing/calls?year={year}");
        var lorraine = await treasurer.GetFromJsonAsync<FeeCallPage>($"/api/billing/calls?year={year}&territory=Lorraine&pageSize=1");
        Assert.Equal(3, all!.Total);
        Assert.Equal((192_00L + 672_00 + 384_00), all.CalledCents);
        Assert.Equal(all.CalledCents, all.OutstandingCents);
        Assert.Equal((2, 1, 672_00L + 384_00), (lorraine!.Total, lorraine.Items.Count, lorraine.CalledCents));

        var bad = await treasurer.GetAsync("/api/billing/calls?status=unknown&territory=Bretagne&page=0");
        var errors = await ProblemAssertions.ValidationErrorsAsync(bad);
        Assert.Equal(["page", "status", "territory"], errors.Keys.Order());

        var csv = await treasurer.GetAsync($"/api/billing/calls.csv?year={year}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, line => line.Contains("Liste Lorraine", StringComparison.Ordinal) && line.Contains("672,00", StringComparison.Ordinal));

        using var referent = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], organisationId: members[1].OrganisationId));
        var own = await referent.GetFromJsonAsync<IReadOnlyList<FeeCallView>>("/api/billing/me/calls") ?? [];
        Assert.Equal(["Liste Lorraine"], own.Select(c => c.OrganisationName));
        var pdf = await referent.GetAsync($"/api/billing/me/calls/{own[0].Id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var othersCall = all.Items.First(c => c.OrganisationId != members[1].OrganisationId);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync($"/api/billing/me/calls/{othersCall.Id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync($"/api/billing/calls?year={year}")).StatusCode);
    }
}
