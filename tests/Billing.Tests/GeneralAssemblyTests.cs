using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Billing;
using Nege.Billing.Calls;
using Nege.Billing.GeneralAssembly;
using Nege.Billing.Members;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>The general assembly's roll: the voting colleges' members up to date with their fee, with their votes.</summary>
[Collection(BillingCollection.Name)]
public sealed class GeneralAssemblyTests(BillingService service)
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(51, 4)]
    [InlineData(101, 5)]
    [InlineData(251, 6)]
    [InlineData(501, 7)]
    [InlineData(1000, 7)]
    [InlineData(1001, 8)]
    public void By_default_a_member_has_one_vote_per_band_of_the_fee_grid(int headcount, int votes) =>
        Assert.Equal(votes, new GeneralAssemblyOptions().VotesFor(headcount));

    private Task<FeeCall> CalledAsync(string name, string category, MembershipPerimeter perimeter, DateTimeOffset issuedAt) =>
        IssuedCalls.CalledAsync(service, name, category, perimeter, issuedAt);

    [Fact]
    public async Task The_board_exports_the_members_up_to_date_with_their_votes()
    {
        var issuedAt = new DateTimeOffset(2021, 1, 4, 9, 0, 0, TimeSpan.Zero);
        var paid = await CalledAsync("AG Payé", "Entreprise", new MembershipPerimeter(20, 10, 0), issuedAt);
        var unpaid = await CalledAsync("AG Impayé", "Entreprise", new MembershipPerimeter(5, 0, 0), issuedAt);
        var federation = await CalledAsync("AG Fédération", MembershipForm.ProfessionalOrganisation, new MembershipPerimeter(1200, 0, 0), issuedAt);
        var partner = await CalledAsync("AG Partenaire", "Partenaire emploi", new MembershipPerimeter(40, 0, 0), issuedAt);
        using var treasurer = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer]));
        foreach (var call in new[] { paid, federation })
        {
            var payment = new PaymentRequest(call.AmountCents, new DateOnly(2021, 1, 20), "transfer", null);
            Assert.Equal(HttpStatusCode.Created, (await treasurer.PostAsJsonAsync($"/api/billing/calls/{call.Id}/payments", payment)).StatusCode);
        }

        using var board = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Board]));
        var roll = (await board.GetFromJsonAsync<GeneralAssemblyRollView>("/api/billing/general-assembly/roll?date=2021-06-15"))!;

        var ours = roll.Voters.Where(v => new[] { paid, unpaid, federation, partner }.Any(c => c.OrganisationId == v.OrganisationId)).ToList();
        Assert.Equal([("AG Fédération", 8, 1200), ("AG Payé", 3, 30)], ours.Select(v => (v.Name, v.Votes, v.Headcount)));
        Assert.Equal(paid.Number, ours.Single(v => v.Name == "AG Payé").PaidCallNumber);
        Assert.Equal(roll.Voters.Sum(v => v.Votes), roll.TotalVotes);
        Assert.True(roll.MembersNotUpToDate >= 1);

        var csv = await board.GetAsync("/api/billing/general-assembly/roll.csv?date=2021-06-15");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains(lines, line => line.StartsWith("AG Payé;Entreprise;30;Alsace, Champagne-Ardenne;3;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("AG Impayé", StringComparison.Ordinal) || line.StartsWith("AG Partenaire", StringComparison.Ordinal));

        var pdf = await PdfText.OfAsync(await board.GetByteArrayAsync("/api/billing/general-assembly/roll.pdf?date=2021-06-15"));
        Assert.Contains("Assemblée générale du 15/06/2021", pdf);
        Assert.Contains("AG Fédération", pdf);
        Assert.Contains("8 voix", pdf);
        Assert.DoesNotContain("AG Impayé", pdf);

        using var referent = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], organisationId: paid.OrganisationId));
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync("/api/billing/general-assembly/roll")).StatusCode);
    }
}

/// <summary>The partners' fee by agreement, set by the treasurer and used by the next call.</summary>
[Collection(BillingCollection.Name)]
public sealed class AgreedFeeTests(BillingService service)
{
    [Fact]
    public async Task The_treasurer_sets_a_partners_agreed_fee_and_the_next_call_uses_it_but_not_for_a_company()
    {
        var partner = BillingMember.From(FeeCallsTests.Approval(Guid.NewGuid(), "Mission Locale Convention", new MembershipPerimeter(40, 0, 0), DateTimeOffset.UtcNow)
            with { Category = "Partenaire emploi" });
        var company = BillingMember.From(FeeCallsTests.Approval(Guid.NewGuid(), "Entreprise Sans Convention", new MembershipPerimeter(4, 0, 0), DateTimeOffset.UtcNow));
        await service.QueryAsync(async db =>
        {
            db.Members.AddRange(partner, company);
            return await db.SaveChangesAsync();
        });
        using var treasurer = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer]));

        var bad = await treasurer.PutAsJsonAsync($"/api/billing/members/{partner.OrganisationId}/agreement", new AgreedFeeRequest(-1));
        Assert.Contains("amountCents", (await ProblemAssertions.ValidationErrorsAsync(bad)).Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await treasurer.PutAsJsonAsync($"/api/billing/members/{company.OrganisationId}/agreement", new AgreedFeeRequest(500_00))).StatusCode);
        var set = await treasurer.PutAsJsonAsync($"/api/billing/members/{partner.OrganisationId}/agreement", new AgreedFeeRequest(250_00));
        Assert.Equal(250_00, (await set.Content.ReadFromJsonAsync<BillingMemberView>())!.AgreedFeeCents);

        var issued = await treasurer.PostAsJsonAsync($"/api/billing/members/{partner.OrganisationId}/calls", new FeeCallRequest(2034));
        var call = (await issued.Content.ReadFromJsonAsync<FeeCallView>())!;
        Assert.Equal((250_00L, "agreement"), (call.AmountCents, call.Computation.Basis));
        var text = await PdfText.OfAsync(await treasurer.GetByteArrayAsync($"/api/billing/calls/{call.Id}/pdf"));
        Assert.Contains("Montant fixé par convention", text);
        Assert.Contains("250 €", text);

        var listed = await treasurer.GetFromJsonAsync<Nege.ServiceDefaults.Http.PageOf<BillingMemberView>>("/api/billing/members?q=Convention");
        Assert.Contains(listed!.Items, m => m.OrganisationId == partner.OrganisationId && m.AgreedFeeCents == 250_00);
    }
}
