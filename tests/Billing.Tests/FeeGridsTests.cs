using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Billing.Tests;

/// <summary>The grids through the API: the 2019 grid as the seed has it, the public quote, an admin's grid for a new year.</summary>
[Collection(BillingCollection.Name)]
public sealed class FeeGridsTests(BillingService service)
{
    private readonly HttpClient _visitor = service.Factory.CreateClient();

    [Fact]
    public async Task The_2019_grid_is_the_seeds_and_is_in_force_until_a_newer_one()
    {
        var grid = await _visitor.GetFromJsonAsync<FeeGridView>("/api/billing/grids/2019");
        var later = await _visitor.GetFromJsonAsync<FeeGridView>("/api/billing/grids/2021");
        var before = await _visitor.GetAsync("/api/billing/grids/2018");

        Assert.Equal(2019, grid!.Year);
        Assert.Equal(2019, later!.Year);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("Organismes du secteur numérique", grid.DigitalSector.Title);
        Assert.Equal(["< 10", "10 à 24", "25 à 50", "51 à 100", "De 101 à 250", "De 251 à 500", "501 à 1000", "Plus de 1000"],
            grid.DigitalSector.Bands.Select(b => b.Label));
        Assert.Equal([192, 384, 672, 1152, 1824, 3300, 6000, 12000], grid.DigitalSector.Bands.Select(b => b.StandardCents / 100));
        Assert.Equal([96, 192, 336, 576, 912, 1650, 3000, 6000], grid.DigitalSector.Bands.Select(b => b.AffiliatedCents / 100));
        Assert.Equal([384, 768, 1344, 2304, 3648, 6600, 12000, 24000], grid.OtherSectors.Bands.Select(b => b.StandardCents / 100));
        Assert.Equal([192, 384, 672, 1152, 1824, 3300, 6000, 12000], grid.OtherSectors.Bands.Select(b => b.AffiliatedCents / 100));
        Assert.Equal(new StartupFeesView(120_00, 60_00, 0), grid.Startup);
        Assert.Equal(5, grid.Footnotes.Count);
    }

    [Fact]
    public async Task Anyone_gets_a_quote_that_explains_itself()
    {
        var quote = await _visitor.GetFromJsonAsync<FeeQuoteView>(
            "/api/billing/quote?year=2026&category=Entreprise&digitalSector=true&alsace=12&champagneArdenne=14&lorraine=0&affiliated=false");
        var startup = await _visitor.GetFromJsonAsync<FeeQuoteView>(
            "/api/billing/quote?year=2026&category=Entreprise&digitalSector=true&alsace=3&startupCreatedOn=2024-05-01&startupHeadcount=3&startupTurnover="
            + Uri.EscapeDataString("Moins de 300 K€") + "&affiliated=true&startupPack=true");
        var partner = await _visitor.GetFromJsonAsync<FeeQuoteView>("/api/billing/quote?category=" + Uri.EscapeDataString("Partenaire emploi"));

        Assert.Equal("Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €", quote!.Explanation);
        Assert.Equal((2026, 2019, 672_00L), (quote.Year, quote.GridYear, quote.AmountCents));
        Assert.Equal((0L, "startup"), (startup!.AmountCents, startup.Basis));
        Assert.Equal("agreement", partner!.Basis);
    }

    [Fact]
    public async Task A_bad_quote_request_gets_a_message_per_field()
    {
        var response = await _visitor.GetAsync("/api/billing/quote?category=Association&alsace=-1&year=1900");
        var missing = await _visitor.GetAsync("/api/billing/quote?category=Entreprise&alsace=3&startupHeadcount=4&startupTurnover=beaucoup");
        var notANumber = await _visitor.GetAsync("/api/billing/quote?category=Entreprise&digitalSector=true&alsace=douze");

        var errors = await ProblemAssertions.ValidationErrorsAsync(response);
        Assert.Contains("category", errors.Keys);
        Assert.Contains("year", errors.Keys);
        var startupErrors = await ProblemAssertions.ValidationErrorsAsync(missing);
        Assert.Contains("digitalSector", startupErrors.Keys);
        Assert.Contains("startupCreatedOn", startupErrors.Keys);
        Assert.Contains("startupTurnover", startupErrors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("alsace", (await ProblemAssertions.ValidationErrorsAsync(notANumber)).Keys);
    }

    [Fact]
    public async Task An_admin_prepares_a_years_grid_from_the_one_in_force_and_edits_it_until_it_serves()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        const int year = 2041;

        var created = await admin.PostAsJsonAsync("/api/billing/grids", new FeeGridCreation(year));
        var again = await admin.PostAsJsonAsync("/api/billing/grids", new FeeGridCreation(year));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var copy = (await created.Content.ReadFromJsonAsync<FeeGridView>())!;
        Assert.Equal(copy.DigitalSector.Bands, (await _visitor.GetFromJsonAsync<FeeGridView>("/api/billing/grids/2040"))!.DigitalSector.Bands);

        // Every band 10 % dearer, and a band split in two.
        FeeBandUpdate Dearer(FeeBandView band) => new(band.From, band.To, band.Label, band.StandardCents * 11 / 10, band.AffiliatedCents * 11 / 10);
        var digital = copy.DigitalSector.Bands.Select(Dearer).ToList();
        var others = copy.OtherSectors.Bands.Select(Dearer).ToList();
        others[^1] = others[^1] with { To = 2000 };
        others.Add(new FeeBandUpdate(2001, null, null, 30_000_00, 15_000_00));
        var edited = await admin.PutAsJsonAsync($"/api/billing/grids/{year}", new FeeGridUpdate(digital, others, copy.Startup with { StandardCents = 150_00 }));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var quote = await _visitor.GetFromJsonAsync<FeeQuoteView>($"/api/billing/quote?year={year}&category=Entreprise&digitalSector=false&alsace=2500");
        Assert.Equal((year, 30_000_00L, "Plus de 2000"), (quote!.GridYear, quote.AmountCents, quote.Band));

        // Once a call was computed with it, the grid never changes again.
        await service.QueryAsync(db => db.FeeGrids.Where(g => g.Year == year).ExecuteUpdateAsync(set => set.SetProperty(g => g.FirstUsedAt, DateTimeOffset.UtcNow)));
        var refused = await admin.PutAsJsonAsync($"/api/billing/grids/{year}", new FeeGridUpdate(digital, others, copy.Startup));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(150_00, (await _visitor.GetFromJsonAsync<FeeGridView>($"/api/billing/grids/{year}"))!.Startup.StandardCents);
    }

    [Fact]
    public async Task A_grid_with_holes_or_overlaps_is_refused_field_by_field_and_nothing_changes()
    {
        using var admin = service.CreateClient(service.Tokens.ForAdmin());
        const int year = 2042;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/billing/grids", new FeeGridCreation(year))).StatusCode);
        var before = await _visitor.GetStringAsync($"/api/billing/grids/{year}");

        var response = await admin.PutAsJsonAsync($"/api/billing/grids/{year}", new FeeGridUpdate(
            [new FeeBandUpdate(1, 9, null, 100, 50), new FeeBandUpdate(12, 20, null, -5, 50), new FeeBandUpdate(21, 30, null, 100, null)],
            [],
            null));

        var errors = await ProblemAssertions.ValidationErrorsAsync(response);
        Assert.Contains("digitalSector[0].from", errors.Keys);
        Assert.Contains("digitalSector[1].from", errors.Keys);
        Assert.Contains("digitalSector[1].standardCents", errors.Keys);
        Assert.Contains("digitalSector[2].to", errors.Keys);
        Assert.Contains("digitalSector[2].affiliatedCents", errors.Keys);
        Assert.Contains("otherSectors", errors.Keys);
        Assert.Contains("startup", errors.Keys);
        Assert.Equal(before, await _visitor.GetStringAsync($"/api/billing/grids/{year}"));
    }

    [Fact]
    public async Task Only_an_admin_edits_the_grids()
    {
        using var treasurer = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Treasurer]));

        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.PostAsJsonAsync("/api/billing/grids", new FeeGridCreation(2043))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _visitor.PostAsJsonAsync("/api/billing/grids", new FeeGridCreation(2043))).StatusCode);
        Assert.False(await service.QueryAsync(db => db.FeeGrids.AnyAsync(g => g.Year == 2043)));
    }
}
