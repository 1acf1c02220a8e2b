using System.Net;
using System.Text.Json;

namespace Site.Tests;

/// <summary>The board's pages of membership applications (president, board, administrators).</summary>
[Collection(SiteCollection.Name)]
public sealed class BoardPagesTests(SiteFixture site) : IDisposable
{
    private const string Applications = "/api/membership/applications";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

    public void Dispose() => site.Stub.Reset();

    private static object Summary(string id, string name, int? daysLeft, bool overdue, string status = "submitted", DateTimeOffset? decidedAt = null) => new
    {
        id, organisationName = name, category = "Entreprise", referentName = "Marie Curie", referentEmail = "marie.curie@exemple.fr",
        status, statusLabel = status == "submitted" ? "Déposée" : "Refusée",
        submittedAt = new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero), dueOn = "2026-11-19", daysLeft, overdue, decidedAt,
    };

    private static StubAnswer Submitted(StubRequest request) => request.PathAndQuery switch
    {
        $"{Applications}/ap1" => new StubAnswer(200, ApplicationJson.View(id: "ap1", status: "submitted", daysLeft: 4)),
        $"{Applications}/ap1/logo" => StubAnswer.File(Jpeg, "image/jpeg"),
        _ => new StubAnswer(404, new { title = "Introuvable.", status = 404 }),
    };

    [Fact]
    public async Task The_list_flags_overdue_applications_and_shows_the_days_left()
    {
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            items = new[] { Summary("ap1", "Retardataire SA", -3, true), Summary("ap2", "À l'heure SAS", 5, false) },
            page = 1, pageSize = 20, total = 2,
        });
        using var client = await site.SignInAsync("Paul Président", ["board"], accessToken: "board-token");

        var response = await client.GetAsync("/espace-membre/adhesions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal($"{Applications}?status=submitted&page=1&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer board-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<tr class=\"en-retard\">", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/espace-membre/adhesions/ap1\">Retardataire SA</a>", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"retard\"><span aria-hidden=\"true\">⚠ </span>En retard de 3 jours</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<span>5 jours restants</span>", page, StringComparison.Ordinal);
        Assert.Contains("19/11/2026", page, StringComparison.Ordinal);
        // Submitted at 23:30 UTC: the next day in Paris.
        Assert.Contains("<td>04/11/2026 à 00:30</td>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"a-traiter\" selected=\"selected\">À traiter</option>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"statut\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_asks_the_api_for_that_status()
    {
        site.Stub.Api = _ => new StubAnswer(200, new
        {
            items = new[] { Summary("ap3", "Refusée SA", null, false, "refused", new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero)) },
            page = 2, pageSize = 20, total = 21,
        });
        using var client = await site.SignInAsync("Ada Admin", ["admin"]);

        var page = await (await client.GetAsync("/espace-membre/adhesions?statut=refusees&page=2")).ReadPageAsync();

        Assert.Equal($"{Applications}?status=refused&page=2&pageSize=20", Assert.Single(site.Stub.ApiRequests).PathAndQuery);
        Assert.Contains("Décidée le 10/11/2026 à 09:00", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"refusees\" selected=\"selected\">Refusées</option>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?statut=refusees&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_page_shows_it_whole_with_its_images_and_the_decision_form()
    {
        site.Stub.Api = Submitted;
        using var client = await site.SignInAsync("Paul Président", ["board"]);

        var response = await client.GetAsync("/espace-membre/adhesions/ap1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Demande d'adhésion : Numérique & Co</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Adresse de courriel</dt><dd>marie.curie@exemple.fr</dd>", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/espace-membre/adhesions/ap1/logo\"", page, StringComparison.Ordinal);
        Assert.Contains("(4 jours restants)", page, StringComparison.Ordinal);
        Assert.Contains("<legend>Décision *</legend>", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"inline\" for=\"Input_Decision-1\">Refusée</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_BoardMeetingDate\">Date de la réunion du Conseil d'Administration *</label>", page, StringComparison.Ordinal);
        // Not before the day it was submitted (Paris), nor after today.
        Assert.Contains("type=\"date\" min=\"2026-11-04\" max=\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Reason\">Motif (obligatoire en cas de refus)</label>", page, StringComparison.Ordinal);

        var logo = await client.GetAsync("/espace-membre/adhesions/ap1/logo");
        Assert.Equal(Jpeg, await logo.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_decision_is_posted_to_the_api_then_the_page_says_so()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(200, ApplicationJson.View(id: "ap1", status: "refused"))
            : Submitted(request);
        using var client = await site.SignInAsync("Paul Président", ["board"], accessToken: "board-token");
        var form = await (await client.GetAsync("/espace-membre/adhesions/ap1")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/adhesions/ap1", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Decision", "refused"),
            KeyValuePair.Create("Input.BoardMeetingDate", "2026-11-20"),
            KeyValuePair.Create("Input.Reason", "  Hors du périmètre de l'association.  "),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/adhesions/ap1?etat=decidee", response.Headers.Location?.ToString());
        var decision = site.Stub.ApiRequests.Single(request => request.Method == "POST");
        Assert.Equal($"{Applications}/ap1/decision", decision.PathAndQuery);
        Assert.Equal("Bearer board-token", decision.Authorization);
        using var body = JsonDocument.Parse(decision.Body);
        Assert.Equal("refused", body.RootElement.GetProperty("decision").GetString());
        Assert.Equal("2026-11-20", body.RootElement.GetProperty("boardMeetingDate").GetString());
        Assert.Equal("Hors du périmètre de l'association.", body.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_decided_application_shows_the_decision_and_no_form()
    {
        site.Stub.Api = _ => new StubAnswer(200, ApplicationJson.View(id: "ap1", status: "accepted", decision: new
        {
            accepted = true, boardMeetingDate = "2026-11-20", reason = (string?)null,
            decidedAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), decidedBy = "Paul Président",
        }));
        using var client = await site.SignInAsync("Paul Président", ["board"]);

        var page = await (await client.GetAsync("/espace-membre/adhesions/ap1?etat=decidee")).ReadPageAsync();

        Assert.Contains("La décision est enregistrée", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Décision</dt><dd>Acceptée</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>20/11/2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>21/11/2026 à 11:00 par Paul Président</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Decision", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apis_refusal_of_a_decision_shows_beside_the_fields_with_the_values_kept()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["reason"] = ["Le motif est obligatoire en cas de refus."],
                    ["boardMeetingDate"] = ["La réunion ne peut pas être postérieure à aujourd'hui."],
                },
            })
            : Submitted(request);
        using var client = await site.SignInAsync("Paul Président", ["board"]);
        var form = await (await client.GetAsync("/espace-membre/adhesions/ap1")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/adhesions/ap1", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Decision", "refused"),
            KeyValuePair.Create("Input.BoardMeetingDate", "2099-01-01"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Reason-erreur\">Le motif est obligatoire en cas de refus.</span>", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*aria-describedby=\"Input_Reason-aide Input_Reason-erreur\"[^>]*aria-invalid=\"true\"|<textarea[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Input_Reason-aide Input_Reason-erreur\"", page);
        Assert.Matches("<input[^>]*id=\"Input_BoardMeetingDate\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains("<li><a href=\"#Input_Reason\">Le motif est obligatoire en cas de refus.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2099-01-01\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"refused\" checked=\"checked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_decided_meanwhile_shows_the_apis_reason()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(409, new { title = "Conflit.", status = 409, detail = "Cette demande a déjà fait l'objet d'une décision." })
            : Submitted(request);
        using var client = await site.SignInAsync("Paul Président", ["board"]);
        var form = await (await client.GetAsync("/espace-membre/adhesions/ap1")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/adhesions/ap1", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Decision", "accepted"),
            KeyValuePair.Create("Input.BoardMeetingDate", "2026-11-20"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Cette demande a déjà fait l'objet d'une décision.</li>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_application_gets_the_404_page()
    {
        site.Stub.Api = Submitted;
        using var client = await site.SignInAsync("Paul Président", ["board"]);

        var response = await client.GetAsync("/espace-membre/adhesions/inconnue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/espace-membre/adhesions")]
    [InlineData("/espace-membre/adhesions/ap1")]
    [InlineData("/espace-membre/adhesions/ap1/logo")]
    public async Task The_board_pages_are_forbidden_to_other_roles(string path)
    {
        using var client = await site.SignInAsync("Rita Référente", ["referent", "treasurer", "recruiter"]);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Theory]
    [InlineData("/espace-membre/adhesions")]
    [InlineData("/espace-membre/adhesions/ap1")]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
