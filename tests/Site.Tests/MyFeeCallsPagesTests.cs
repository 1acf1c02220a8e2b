using System.Net;

namespace Site.Tests;

/// <summary>« Mes cotisations »: a referent's own organisation's fee calls, their PDFs and the credit notes.</summary>
[Collection(SiteCollection.Name)]
public sealed class MyFeeCallsPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/billing/me/calls";

    private const string Page = "/espace-membre/mes-cotisations";

    private static readonly Guid CallId = Guid.Parse("0193a0b1-0000-7000-8000-000000000c11");

    private static readonly Guid CancelledId = Guid.Parse("0193a0b1-0000-7000-8000-000000000c12");

    private static readonly Guid CreditNoteId = Guid.Parse("0193a0b1-0000-7000-8000-000000000a12");

    public void Dispose() => site.Stub.Reset();

    [Fact]
    public async Task A_referent_sees_their_organisations_calls_with_their_amounts_and_pdfs_and_the_credit_notes()
    {
        site.Stub.Api = request => request.PathAndQuery == Api
            ? new StubAnswer(200, new[]
            {
                BillingJson.Call(CallId, "2026-0007", status: "partially_paid", statusLabel: "Partiellement payé", paidCents: 30000),
                BillingJson.Call(CancelledId, "2026-0003", status: "cancelled", statusLabel: "Annulé",
                    creditNote: BillingJson.CreditNote(CreditNoteId, "AV-2026-0002", reason: "Appel émis en double.")),
            })
            : new StubAnswer(404);
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer referent-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Mes cotisations</h1>", page, StringComparison.Ordinal);
        Assert.Matches(
            "<td>2026-0007<br /><span class=\"aide\">Entreprise du secteur numérique, 26 salariés sur le périmètre \\(Alsace 12, Champagne-Ardenne 14\\), non affiliée : tranche 25 à 50, 672 €</span></td>"
            + "\\s*<td>2026</td>\\s*<td class=\"montant\">672 €</td>\\s*<td class=\"montant\">300 €</td>\\s*<td class=\"montant\">372 €</td>\\s*<td>Partiellement payé</td>"
            + $"\\s*<td>31/03/2026</td>\\s*<td><a href=\"{Page}/{CallId}/pdf\" aria-label=\"PDF de l'appel de cotisation 2026-0007\">PDF</a></td>",
            page);
        Assert.Matches("<td>Annulé</td>", page);
        Assert.Matches(
            "<td>AV-2026-0002</td>\\s*<td>2026-0003</td>\\s*<td class=\"montant\">672 €</td>\\s*<td>10/02/2026</td>\\s*<td class=\"motif\">Appel émis en double.</td>"
            + $"\\s*<td><a href=\"{Page}/avoirs/{CreditNoteId}/pdf\" aria-label=\"PDF de l'avoir AV-2026-0002\">PDF</a></td>", page);
    }

    [Fact]
    public async Task Without_any_call_the_page_says_so()
    {
        site.Stub.Api = _ => new StubAnswer(200, Array.Empty<object>());
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("Aucun appel de cotisation n'a encore été émis pour votre organisme.", page, StringComparison.Ordinal);
        Assert.Contains("Aucun avoir n'a été émis pour votre organisme.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billings_refusal_is_said_at_the_top()
    {
        site.Stub.Api = _ => new StubAnswer(403, new { title = "Accès refusé.", status = 403, detail = "Votre compte n'est rattaché à aucun organisme adhérent." });
        using var client = await site.SignInAsync("Rémi Référent", ["referent"]);

        var page = await (await client.GetAsync(Page)).ReadPageAsync();

        Assert.Contains("<li>Votre compte n'est rattaché à aucun organisme adhérent.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calls_pdf_is_billings_file_sent_on_as_a_pdf_attachment()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8.ToArray(), 0x00, 0xFF, .. "%%EOF\n"u8.ToArray()];
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{CallId}/pdf"
            ? StubAnswer.File(pdf, "application/pdf") with { Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=appel-de-cotisation-2026-0007.pdf" } }
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync($"{Page}/{CallId}/pdf");
        var other = await client.GetAsync($"{Page}/{CancelledId}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("appel-de-cotisation-2026-0007.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer referent-token", request.Authorization));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_credit_notes_pdf_comes_from_the_referents_own_endpoint_as_a_pdf_attachment()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8.ToArray(), 0x01, 0xFE, .. "%%EOF\n"u8.ToArray()];
        site.Stub.Api = request => request.PathAndQuery == $"/api/billing/me/credit-notes/{CreditNoteId}/pdf"
            ? StubAnswer.File(pdf, "application/pdf") with { Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=avoir-AV-2026-0002.pdf" } }
            : new StubAnswer(404, new { title = "Introuvable.", status = 404 });
        using var client = await site.SignInAsync("Rémi Référent", ["referent"], accessToken: "referent-token");

        var response = await client.GetAsync($"{Page}/avoirs/{CreditNoteId}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer referent-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("avoir-AV-2026-0002.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/0193a0b1-0000-7000-8000-000000000c11/pdf")]
    [InlineData("/avoirs/0193a0b1-0000-7000-8000-000000000a12/pdf")]
    public async Task The_page_and_its_pdfs_are_refused_to_those_who_are_not_referents(string path)
    {
        using var client = await site.SignInAsync("Théo Trésorier", ["treasurer", "board", "admin", "recruiter", "commission", "employment_partner", "candidate", "editor", "dpo"]);

        var response = await client.GetAsync(Page + path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_page_for_referents_only()
    {
        var entry = $"<li><a href=\"{Page}\">Mes cotisations</a></li>";
        using var referent = await site.SignInAsync("Rémi Référent", ["referent"]);
        using var others = await site.SignInAsync("Théo Trésorier", ["treasurer", "recruiter"]);

        Assert.Contains(entry, await (await referent.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Page, await (await others.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
    }
}
