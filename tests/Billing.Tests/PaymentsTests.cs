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
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>Payments add up to a receipt, an overpayment changes nothing; an unpaid call is reminded, then the membership lapses until it is paid.</summary>
[Collection(BillingCollection.Name)]
public sealed class PaymentsTests(BillingService service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Treasurer() => service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer], name: "Dominique Trésorier"));

    private Task<FeeCall> CalledAsync(string name, MembershipPerimeter perimeter, DateTimeOffset issuedAt) =>
        IssuedCalls.CalledAsync(service, name, "Entreprise", perimeter, issuedAt);

    private async Task<List<T>> EventsAsync<T>(Func<T, bool> about) => (await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(typeof(T).Name)).OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync()))
        .Select(payload => JsonSerializer.Deserialize<T>(payload, Json)!).Where(about).ToList();

    [Fact]
    public async Task Partial_payments_add_up_to_a_receipt_and_an_overpayment_is_refused_with_nothing_changed()
    {
        var call = await CalledAsync("Paie en deux fois", new MembershipPerimeter(30, 0, 0), DateTimeOffset.UtcNow);
        using var treasurer = Treasurer();
        var route = $"/api/billing/calls/{call.Id}/payments";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var first = await treasurer.PostAsJsonAsync(route, new PaymentRequest(400_00, today, "cheque", "Chèque n° 1234567"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var partial = (await first.Content.ReadFromJsonAsync<FeeCallView>())!;
        Assert.Equal(("partially_paid", 400_00L, 272_00L), (partial.Status, partial.PaidCents, partial.OutstandingCents));
        Assert.Null(partial.Receipt);

        var over = await treasurer.PostAsJsonAsync(route, new PaymentRequest(272_01, today, "transfer", "VIR-42"));
        var overErrors = await ProblemAssertions.ValidationErrorsAsync(over);
        Assert.Contains("dépasse le reste dû de 272 €", Assert.Single(overErrors["amountCents"]));
        var bad = await treasurer.PostAsJsonAsync(route, new PaymentRequest(-5, today.AddDays(2), "bitcoin", null));
        Assert.Equal(["amountCents", "method", "paidOn"], (await ProblemAssertions.ValidationErrorsAsync(bad)).Keys.Order());
        Assert.Equal(1, await service.QueryAsync(db => db.Payments.CountAsync(p => p.FeeCallId == call.Id)));

        var second = await treasurer.PostAsJsonAsync(route, new PaymentRequest(272_00, today, "transfer", "VIR-42"));
        var paid = (await second.Content.ReadFromJsonAsync<FeeCallView>())!;
        Assert.Equal(("paid", 0L), (paid.Status, paid.OutstandingCents));
        Assert.Equal(["cheque", "transfer"], paid.Payments.Select(p => p.Method));
        Assert.Matches(@"^R-\d{4}-\d{4}$", paid.Receipt!.Number);
        Assert.Equal(HttpStatusCode.Conflict, (await treasurer.PostAsJsonAsync(route, new PaymentRequest(1, today, "card", null))).StatusCode);

        var receipt = await PdfText.OfAsync(await treasurer.GetByteArrayAsync($"/api/billing/receipts/{paid.Receipt.Id}/pdf"));
        Assert.Contains($"Reçu de cotisation n° {paid.Receipt.Number}", receipt);
        Assert.Contains("la somme de 672 €", receipt);
        Assert.Contains("Chèque (Chèque n° 1234567)", receipt);
        Assert.Contains("400 €", receipt);
        Assert.Contains("272 €", receipt);
        Assert.Contains("TVA non applicable, art. 261-7-1° du CGI", receipt);

        var recorded = await EventsAsync<PaymentRecorded>(e => e.FeeCallId == call.Id);
        Assert.Equal([272_00L, 0L], recorded.Select(e => e.OutstandingCents));
        Assert.Null(recorded[0].Receipt);
        Assert.Equal(await treasurer.GetByteArrayAsync($"/api/billing/receipts/{paid.Receipt.Id}/pdf"), recorded[1].Receipt!.Content);
        Assert.Equal(paid.Receipt.Number, recorded[1].ReceiptNumber);
    }

    [Fact]
    public async Task Only_the_treasurer_or_an_admin_records_a_payment()
    {
        var call = await CalledAsync("Paiement refusé", new MembershipPerimeter(3, 0, 0), DateTimeOffset.UtcNow);
        using var board = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Board]));
        using var referent = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], organisationId: call.OrganisationId));
        var payment = new PaymentRequest(192_00, DateOnly.FromDateTime(DateTime.UtcNow), "card", null);

        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsJsonAsync($"/api/billing/calls/{call.Id}/payments", payment)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsJsonAsync($"/api/billing/calls/{call.Id}/payments", payment)).StatusCode);
        Assert.Equal(0, await service.QueryAsync(db => db.Payments.CountAsync(p => p.FeeCallId == call.Id)));
    }

    [Fact]
    public async Task An_unpaid_call_is_reminded_at_D_plus_30_and_60_then_the_membership_lapses_until_it_is_paid()
    {
        // Issued long before any other test's calls: only this one is late when the fake clock moves on.
        var issuedAt = new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var call = await CalledAsync("Mauvais Payeur", new MembershipPerimeter(0, 12, 0), issuedAt);
        var clock = new FakeTimeProvider(issuedAt);
        var job = new FeeReminders(service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<FeeReminders>.Instance,
            Options.Create(new ReminderOptions()), service.Factory.Services.GetRequiredService<BillingLinks>());
        async Task RunAtAsync(DateOnly day)
        {
            clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
            await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the reminders' job runs a round");
        }

        Assert.Equal(new DateOnly(2020, 2, 5), call.DueOn);
        await RunAtAsync(call.DueOn.AddDays(29));
        Assert.Empty(await EventsAsync<FeeReminderDue>(e => e.FeeCallId == call.Id));

        await RunAtAsync(call.DueOn.AddDays(30));
        await RunAtAsync(call.DueOn.AddDays(31));
        var first = Assert.Single(await EventsAsync<FeeReminderDue>(e => e.FeeCallId == call.Id));
        Assert.Equal((1, false, 384_00L, call.DueOn.AddDays(75)), (first.Reminder, first.IsLast, first.OutstandingCents, first.LapsesOn));
        Assert.Equal(call.Pdf, first.Pdf.Content);

        await RunAtAsync(call.DueOn.AddDays(60));
        await RunAtAsync(call.DueOn.AddDays(74));
        var reminders = await EventsAsync<FeeReminderDue>(e => e.FeeCallId == call.Id);
        Assert.Equal([(1, false), (2, true)], reminders.Select(r => (r.Reminder, r.IsLast)));
        Assert.Empty(await EventsAsync<MembershipLapsed>(e => e.OrganisationId == call.OrganisationId));

        await RunAtAsync(call.DueOn.AddDays(75));
        await RunAtAsync(call.DueOn.AddDays(80));
        var lapsed = Assert.Single(await EventsAsync<MembershipLapsed>(e => e.OrganisationId == call.OrganisationId));
        Assert.Equal((call.Number, 384_00L), (lapsed.FeeCallNumber, lapsed.OutstandingCents));
        Assert.NotNull(await service.QueryAsync(db => db.Members.Where(m => m.OrganisationId == call.OrganisationId).Select(m => m.LapsedAt).SingleAsync()));

        // It pays: a receipt, and the membership is current again.
        using var treasurer = Treasurer();
        var paid = await treasurer.PostAsJsonAsync($"/api/billing/calls/{call.Id}/payments", new PaymentRequest(384_00, new DateOnly(2020, 5, 2), "transfer", "VIR-2020-05"));
        var view = (await paid.Content.ReadFromJsonAsync<FeeCallView>())!;
        Assert.Equal(("paid", 2, true), (view.Status, view.RemindersSent, view.CausedLapse));
        var reinstated = Assert.Single(await EventsAsync<MembershipReinstated>(e => e.OrganisationId == call.OrganisationId));
        Assert.Equal(call.Number, reinstated.FeeCallNumber);
        Assert.Null(await service.QueryAsync(db => db.Members.Where(m => m.OrganisationId == call.OrganisationId).Select(m => m.LapsedAt).SingleAsync()));

        await RunAtAsync(call.DueOn.AddDays(120));
        Assert.Single(await EventsAsync<MembershipLapsed>(e => e.OrganisationId == call.OrganisationId));
    }
}

/// <summary>A member and its call, issued at <c>issuedAt</c> (a fake clock's instant), so that only this call is late when that clock moves on.</summary>
internal static class IssuedCalls
{
    public static async Task<FeeCall> CalledAsync(BillingService service, string name, string category, MembershipPerimeter perimeter, DateTimeOffset issuedAt, int? year = null)
    {
        var member = BillingMember.From(FeeCallsTests.Approval(Guid.NewGuid(), name, perimeter, issuedAt) with { Category = category });
        var issuer = new FeeCallIssuer(new FakeTimeProvider(issuedAt), Options.Create(new FeeCallOptions()), Options.Create(new AssociationIdentity()),
            service.Factory.Services.GetRequiredService<BillingLinks>());
        return await service.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Members.Add(member);
            var call = await issuer.IssueAsync(db, member, year ?? issuedAt.Year, FeeCallReason.Admission, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return call;
        });
    }
}
