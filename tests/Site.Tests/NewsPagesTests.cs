using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Http;

namespace Site.Tests;

/// <summary>« Actualités »: the public list, an item's page, and the editors' drafts, form and preview, against a stub of Directory's news API.</summary>
[Collection(SiteCollection.Name)]
public sealed class NewsPagesTests(SiteFixture site) : IDisposable
{
    private const string Api = "/api/directory/news";

    private const string Editor = "/espace-membre/actualites";

    private const string Event = "Evénement public";

    private static readonly Guid NewsId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e1");

    private static readonly Guid OtherId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e2");

    /// <summary>A PNG's signature and a few bytes.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private const string UnsafeBody =
        "<p>Le <strong>forum</strong> a lieu à Metz.</p><script>alert('x')</script><p onclick=\"alert(1)\">Inscrivez-vous <a href=\"javascript:alert(2)\">ici</a> " +
        "ou <a href=\"https://forum.exemple.fr\">sur le site</a>.</p><img src=x onerror=\"alert(3)\"><iframe src=\"https://mal.exemple\"></iframe>";

    public void Dispose() => site.Stub.Reset();

    [Fact]
    public async Task The_list_asks_for_the_category_and_page_and_shows_the_news_newest_first_with_the_pager_and_the_categorys_feed()
    {
        site.Stub.Api = request => request.PathAndQuery.StartsWith(Api + "?", StringComparison.Ordinal)
            ? new StubAnswer(200, new PageOf<NewsSummaryView>(
            [
                new(NewsId, "Forum de l'emploi numérique", Event, "Le forum a lieu à Metz.", $"{Api}/{NewsId}/image?v=abc",
                    new DateTimeOffset(2026, 6, 15, 8, 30, 0, TimeSpan.Zero)),
                new(OtherId, "Sans image", Event, "Un résumé.", null, new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero)),
            ], 2, 10, 25))
            : new StubAnswer(404);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/actualites?categorie=Ev%C3%A9nement+public&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"{Api}?category=Ev%C3%A9nement%20public&page=2&pageSize=10", request.PathAndQuery);

        var page = await response.ReadPageAsync();
        Assert.Contains("<title>Actualités — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Actualités</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" role=\"search\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Category\">Catégorie</label>", page, StringComparison.Ordinal);
        Assert.Contains("<select id=\"Category\" name=\"categorie\"", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Event}\" selected=\"selected\">{Event}</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Processus & Documentation\">Processus & Documentation</option>", page, StringComparison.Ordinal);

        const string feed = $"{Api}/feed?category=Ev%C3%A9nement%20public";
        var head = Region(page, "<head>", "</head>");
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"{Regex.Escape(feed)}\"", head);
        Assert.Contains($"<a href=\"{feed}\" type=\"application/atom+xml\">S'abonner au flux Atom de la catégorie « {Event} »</a>", page, StringComparison.Ordinal);

        Assert.Contains($"<a href=\"/actualites/{NewsId}\">Forum de l'emploi numérique</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"illustration\" src=\"{Api}/{NewsId}/image?v=abc\" alt=\"Illustration de l'actualité « Forum de l'emploi numérique »\" />", page, StringComparison.Ordinal);
        Assert.Contains($"<time datetime=\"2026-06-15T08:30:00+00:00\">15 juin 2026</time> — {Event}", page, StringComparison.Ordinal);
        // 23:30 UTC on 1 June is 2 June in Paris.
        Assert.Contains(">2 juin 2026</time>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Le forum a lieu à Metz.</p>", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<img class=\"illustration\""));
        Assert.True(page.IndexOf("Forum de l'emploi numérique", StringComparison.Ordinal) < page.IndexOf("Sans image", StringComparison.Ordinal));

        const string criteria = "?categorie=Ev%C3%A9nement%20public";
        Assert.Contains($"<a href=\"{criteria}&page=1\">Page précédente</a>", page, StringComparison.Ordinal);
        Assert.Contains("<span>Page 2 sur 3</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{criteria}&page=3\">Page suivante</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_category_all_the_news_and_the_whole_feed_are_offered_and_an_unknown_category_is_refused_beside_the_field()
    {
        site.Stub.Api = request => request.PathAndQuery.Contains("category=", StringComparison.Ordinal)
            ? new StubAnswer(400, new { title = "Requête invalide.", status = 400, errors = new Dictionary<string, string[]> { ["category"] = ["La catégorie doit être l'une de : « Evénement public »."] } })
            : new StubAnswer(200, new PageOf<NewsSummaryView>([], 1, 10, 0));
        using var client = site.CreateClient();

        var all = await (await client.GetAsync("/actualites?categorie=&page=abc")).ReadPageAsync();
        var unknown = await client.GetAsync("/actualites?categorie=Bidon");

        Assert.Equal($"{Api}?page=1&pageSize=10", site.Stub.ApiRequests.First().PathAndQuery);
        Assert.Contains("Aucune actualité n'est encore publiée.", all, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Api}/feed\" type=\"application/atom+xml\">S'abonner au flux Atom</a>", all, StringComparison.Ordinal);
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"{Api}/feed\"", all);
        Assert.Contains("<option value=\"\" selected=\"selected\">Toutes les catégories</option>", all, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var page = await unknown.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Category-erreur\">La catégorie doit être l'une de : « Evénement public ».</span>", page, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Category\" name=\"categorie\" aria-invalid=\"true\"\\s+aria-describedby=\"Category-erreur\">", page);
        Assert.DoesNotContain("id=\"liste-actualites\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_items_page_shows_it_with_its_text_sanitised_again_by_the_site()
    {
        site.Stub.Api = request => request.PathAndQuery == $"{Api}/{NewsId}" ? new StubAnswer(200, News("published", UnsafeBody)) : new StubAnswer(404);
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/actualites/{NewsId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<title>Forum de l'emploi numérique — Numéric'Emploi Grand Est</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"actualite-titre\">Forum de l'emploi numérique</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-06-15T08:30:00+00:00\">15 juin 2026</time>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/actualites?categorie=Ev%C3%A9nement%20public\">{Event}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"illustration\" src=\"{Api}/{NewsId}/image?v=abc\" alt=\"Illustration de l'actualité « Forum de l'emploi numérique »\" />", page, StringComparison.Ordinal);
        Assert.Contains("<p>Le <strong>forum</strong> a lieu à Metz.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://forum.exemple.fr\" rel=\"noopener nofollow\">sur le site</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"{Api}/feed?category=Ev%C3%A9nement%20public\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_directory_does_not_publish_is_the_sites_404_page()
    {
        site.Stub.Api = _ => new StubAnswer(404, new { title = "Introuvable.", status = 404, detail = "Cette actualité n'existe pas ou n'est pas publiée." });
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/actualites/{OtherId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", await response.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editors_see_the_drafts_and_the_scheduled_news_with_the_editors_token()
    {
        var publishedId = Guid.Parse("0193a0b1-0000-7000-8000-0000000000e3");
        site.Stub.Api = request => request.PathAndQuery.StartsWith($"{Api}/drafts", StringComparison.Ordinal)
            ? new StubAnswer(200, new PageOf<NewsView>([News("draft", "<p>x</p>", publishedAt: null), News("scheduled", "<p>y</p>", OtherId)], 1, 10, 2))
            : request.PathAndQuery.StartsWith($"{Api}?", StringComparison.Ordinal)
                ? new StubAnswer(200, new PageOf<NewsSummaryView>(
                    [new NewsSummaryView(publishedId, "Assemblée générale 2026", Event, "L'assemblée se tient à Metz.", null, new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero))], 1, 10, 1))
                : new StubAnswer(404);
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"], "editor-token");

        var response = await client.GetAsync(Editor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{Api}/drafts?page=1&pageSize=10", $"{Api}?page=1&pageSize=10"], site.Stub.ApiRequests.Select(r => r.PathAndQuery));
        Assert.All(site.Stub.ApiRequests, request => Assert.Equal("Bearer editor-token", request.Authorization));
        var page = await response.ReadPageAsync();
        Assert.Contains("<a href=\"/espace-membre/actualites/nouvelle\">Nouvelle actualité</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Editor}/{NewsId}\">Forum de l'emploi numérique</a>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Brouillon</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Programmée le 15/06/2026 à 10:30</td>", page, StringComparison.Ordinal);
        // The latest published ones, to correct.
        Assert.Contains("<h2 id=\"publiees\">Publiées récemment</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Editor}/{publishedId}\">Assemblée générale 2026</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Editor}/{publishedId}/modifier\" aria-label=\"Modifier « Assemblée générale 2026 »\">Modifier</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_items_form_offers_the_five_categories_simple_html_an_image_and_a_publication_date()
    {
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"]);

        var response = await client.GetAsync($"{Editor}/nouvelle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(site.Stub.ApiRequests);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h1>Nouvelle actualité</h1>", page, StringComparison.Ordinal);
        var form = Region(page, "<form method=\"post\" enctype=\"multipart/form-data\"", "</form>");
        Assert.Contains("name=\"__RequestVerificationToken\"", form, StringComparison.Ordinal);
        foreach (var (name, label) in new[] { ("Title", "Titre *"), ("Category", "Catégorie *"), ("BodyHtml", "Texte *"), ("Image", "Image (facultative)"), ("PublishAt", "Date et heure de publication") })
        {
            Assert.Contains($"<label for=\"Input_{name}\">{label}</label>", form, StringComparison.Ordinal);
            Assert.Contains($"name=\"Input.{name}\"", form, StringComparison.Ordinal);
        }

        Assert.Equal(6, Regex.Matches(Region(form, "<select", "</select>"), "<option").Count);
        foreach (var category in Nege.Contracts.Membership.MembershipForm.NewsCategories)
        {
            Assert.Contains($"<option value=\"{category}\">{category}</option>", form, StringComparison.Ordinal);
        }

        Assert.Contains("type=\"file\"", Element(form, "name=\"Input.Image\""), StringComparison.Ordinal);
        Assert.Contains("accept=\"image/png,image/jpeg,.png,.jpg,.jpeg\"", Element(form, "name=\"Input.Image\""), StringComparison.Ordinal);
        Assert.Contains("type=\"datetime-local\"", Element(form, "name=\"Input.PublishAt\""), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_BodyHtml-aide\"", Element(form, "name=\"Input.BodyHtml\""), StringComparison.Ordinal);
        Assert.Contains("seuls sont conservés les paragraphes (<p>)", form, StringComparison.Ordinal);
        Assert.Contains("Heure de Paris. Laissez vide pour un brouillon", form, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"action\" value=\"enregistrer\">Enregistrer</button>", form, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"action\" value=\"previsualiser\">Prévisualiser</button>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-val", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_item_is_sent_as_json_with_the_png_as_a_data_url_and_the_paris_time_as_an_offset_then_previewed()
    {
        site.Stub.Api = request => request.Method == "POST" ? new StubAnswer(201, News("scheduled", "<p>Texte</p>")) : new StubAnswer(404);
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"], "editor-token");

        var response = await PostFormAsync(client, $"{Editor}/nouvelle", "Forum de l'emploi", Event, "<p>Texte</p>", "2026-06-15T10:30", ("affiche.png", Png), "previsualiser");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Editor}/{NewsId}", response.Headers.Location?.OriginalString);
        var sent = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal(("POST", Api), (sent.Method, sent.PathAndQuery));
        Assert.Equal("Bearer editor-token", sent.Authorization);
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(sent.Body);
        var body = json.RootElement;
        Assert.Equal("Forum de l'emploi", body.GetProperty("title").GetString());
        Assert.Equal(Event, body.GetProperty("category").GetString());
        Assert.Equal("<p>Texte</p>", body.GetProperty("bodyHtml").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Png), body.GetProperty("image").GetString());
        // Summer time in Paris: UTC+2.
        Assert.Equal("2026-06-15T10:30:00+02:00", body.GetProperty("publishAt").GetString());
    }

    [Fact]
    public async Task Saved_without_a_date_an_item_is_a_draft_and_a_winter_date_has_the_winter_offset()
    {
        site.Stub.Api = request => request.Method switch
        {
            "POST" => new StubAnswer(201, News("draft", "<p>Texte</p>", publishedAt: null)),
            "PUT" => new StubAnswer(200, News("scheduled", "<p>Texte</p>")),
            _ => request.PathAndQuery == $"{Api}/{NewsId}/preview" ? new StubAnswer(200, News("draft", "<p>Texte</p>", publishedAt: null)) : new StubAnswer(404),
        };
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"]);

        var created = await PostFormAsync(client, $"{Editor}/nouvelle", "Brouillon", Event, "<p>Texte</p>", "", null, "enregistrer");
        var edited = await PostFormAsync(client, $"{Editor}/{NewsId}/modifier", "Brouillon", Event, "<p>Texte</p>", "2026-12-24T18:00", null, "enregistrer");

        Assert.Equal($"{Editor}/{NewsId}/modifier?etat=enregistre", created.Headers.Location?.OriginalString);
        Assert.Equal($"{Editor}/{NewsId}/modifier?etat=enregistre", edited.Headers.Location?.OriginalString);
        var writes = site.Stub.ApiRequests.Where(request => request.Method is "POST" or "PUT").ToList();
        Assert.Equal(2, writes.Count);
        using var draft = JsonDocument.Parse(writes[0].Body);
        Assert.Equal(JsonValueKind.Null, draft.RootElement.GetProperty("publishAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.RootElement.GetProperty("image").ValueKind);
        Assert.Equal(("PUT", $"{Api}/{NewsId}"), (writes[1].Method, writes[1].PathAndQuery));
        using var scheduled = JsonDocument.Parse(writes[1].Body);
        Assert.Equal("2026-12-24T18:00:00+01:00", scheduled.RootElement.GetProperty("publishAt").GetString());
        // Without a new file the image is kept.
        Assert.Equal(JsonValueKind.Null, scheduled.RootElement.GetProperty("image").ValueKind);

        var page = await (await client.GetAsync(created.Headers.Location)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">L'actualité est enregistrée.</p>", page, StringComparison.Ordinal);
        // The form shows the item as Directory has it.
        Assert.Contains("value=\"Forum de l'emploi numérique\"", Element(page, "name=\"Input.Title\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directorys_refusals_show_beside_the_fields_with_what_was_typed_and_a_conflict_at_the_top()
    {
        site.Stub.Api = request => request.Method == "POST"
            ? new StubAnswer(400, new
            {
                title = "Requête invalide.",
                status = 400,
                errors = new Dictionary<string, string[]>
                {
                    ["title"] = ["Le titre est obligatoire."],
                    ["bodyHtml"] = ["Le texte de l'actualité est vide une fois retirés les éléments non autorisés."],
                    ["image"] = ["L'image n'est ni un PNG ni un JPEG."],
                },
            })
            : request.Method == "PUT"
                ? new StubAnswer(409, new { title = "Conflit.", status = 409, detail = "Cette actualité est déjà publiée." })
                : new StubAnswer(200, News("published", "<p>Texte</p>"));
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"]);

        var refused = await PostFormAsync(client, $"{Editor}/nouvelle", "", "Vie de l'association", "<script>x</script>", "2026-06-15T10:30", ("photo.png", Png), "enregistrer");
        var conflict = await PostFormAsync(client, $"{Editor}/{NewsId}/modifier", "Titre", Event, "<p>Texte</p>", "", null, "enregistrer");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Title-erreur\">Le titre est obligatoire.</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_BodyHtml-erreur\">Le texte de l&#x27;actualité est vide une fois retirés les éléments non autorisés.</span>".Replace("&#x27;", "'"),
            System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Image-erreur\">L'image n'est ni un PNG ni un JPEG.</span>", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", Element(page, "name=\"Input.Title\""), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_BodyHtml-aide Input_BodyHtml-erreur\"", Element(page, "name=\"Input.BodyHtml\""), StringComparison.Ordinal);
        Assert.Matches("name=\"Input.BodyHtml\"[^>]*>\\s*&lt;script&gt;x&lt;/script&gt;</textarea>", page);
        Assert.Contains("value=\"2026-06-15T10:30\"", Element(page, "name=\"Input.PublishAt\""), StringComparison.Ordinal);
        Assert.Contains("selected=\"selected\"", Element(System.Net.WebUtility.HtmlDecode(page), "value=\"Vie de l'association\""), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Matches("<div class=\"erreurs\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\">\\s*<ul>\\s*<li>Cette actualité est déjà publiée.</li>", await conflict.ReadPageAsync());
    }

    [Fact]
    public async Task A_date_that_is_not_one_or_a_file_that_is_not_an_image_is_refused_by_the_site_without_calling_directory()
    {
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"]);

        var response = await PostFormAsync(client, $"{Editor}/nouvelle", "Titre", Event, "<p>Texte</p>", "demain", ("virus.png", "MZ\u0090"u8.ToArray()), "enregistrer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("id=\"Input_PublishAt-erreur\">Indiquez la date et l'heure de publication", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Image-erreur\">L'image doit être un fichier PNG ou JPEG.</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "POST");
    }

    [Fact]
    public async Task The_preview_shows_the_item_as_its_public_page_would_with_its_image_through_the_site_and_publishes_it_now()
    {
        var draft = News("draft", UnsafeBody, publishedAt: null, image: $"{Api}/{NewsId}/preview/image?v=abc");
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("GET", var path) when path == $"{Api}/{NewsId}/preview" => new StubAnswer(200, draft),
            ("GET", var path) when path == $"{Api}/{NewsId}/preview/image" => StubAnswer.File(Png, "image/png"),
            ("PUT", var path) when path == $"{Api}/{NewsId}" => new StubAnswer(200, News("published", UnsafeBody)),
            _ => new StubAnswer(404),
        };
        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"], "editor-token");

        var response = await client.GetAsync($"{Editor}/{NewsId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer editor-token", Assert.Single(site.Stub.ApiRequests).Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<h2 id=\"apercu-etat\">Prévisualisation — Brouillon</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"actualite-titre\">Forum de l'emploi numérique</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Le <strong>forum</strong> a lieu à Metz.</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", page, StringComparison.Ordinal);
        Assert.Contains($"<img class=\"illustration\" src=\"{Editor}/{NewsId}/image\" alt=\"Illustration de l'actualité « Forum de l'emploi numérique »\" />", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Editor}/{NewsId}/modifier\">Modifier</a>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Publier maintenant</button>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Supprimer ce brouillon</button>", page, StringComparison.Ordinal);

        var image = await client.GetAsync($"{Editor}/{NewsId}/image");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var publish = await client.PostAsync($"{Editor}/{NewsId}?handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal($"{Editor}/{NewsId}?etat=publie", publish.Headers.Location?.OriginalString);
        var put = Assert.Single(site.Stub.ApiRequests, request => request.Method == "PUT");
        using var json = JsonDocument.Parse(put.Body);
        Assert.Equal("Forum de l'emploi numérique", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(UnsafeBody, json.RootElement.GetProperty("bodyHtml").GetString());
        Assert.Equal(Event, json.RootElement.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("image").ValueKind);
        var publishAt = json.RootElement.GetProperty("publishAt").GetDateTimeOffset();
        Assert.InRange(publishAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_draft_is_deleted_from_its_preview_and_a_refusal_shows_at_the_top()
    {
        var deleted = false;
        site.Stub.Api = request => (request.Method, request.PathAndQuery) switch
        {
            ("DELETE", var path) when path == $"{Api}/{NewsId}" => deleted ? new StubAnswer(409, new { title = "Suppression impossible.", status = 409, detail = "Cette actualité est publiée : seul un brouillon peut être supprimé." }) : Delete(),
            ("GET", var path) when path == $"{Api}/{NewsId}/preview" => new StubAnswer(200, News("draft", "<p>x</p>", publishedAt: null)),
            _ => new StubAnswer(404),
        };
        StubAnswer Delete()
        {
            deleted = true;
            return new StubAnswer(204);
        }

        using var client = await site.SignInAsync("Rémi Rédacteur", ["editor"]);
        var token = Html.AntiforgeryToken(await (await client.GetAsync($"{Editor}/{NewsId}")).ReadPageAsync());
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var first = await client.PostAsync($"{Editor}/{NewsId}?handler=Delete", form());
        var second = await client.PostAsync($"{Editor}/{NewsId}?handler=Delete", form());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"{Editor}?etat=supprime", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("<li>Cette actualité est publiée : seul un brouillon peut être supprimé.</li>", await second.ReadPageAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/nouvelle")]
    [InlineData("/0193a0b1-0000-7000-8000-0000000000e1")]
    [InlineData("/0193a0b1-0000-7000-8000-0000000000e1/modifier")]
    [InlineData("/0193a0b1-0000-7000-8000-0000000000e1/image")]
    public async Task The_editors_pages_are_refused_to_the_other_roles_and_anonymous_visitors_are_sent_to_log_in(string path)
    {
        using var member = await site.SignInAsync("Claire Membre", ["referent", "recruiter", "commission", "board", "treasurer", "candidate", "dpo"]);

        var refused = await member.GetAsync(Editor + path);
        var anonymous = await site.CreateClient().GetAsync(Editor + path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", await refused.ReadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }

    [Fact]
    public async Task The_member_area_links_the_news_for_the_editors_and_the_administrators()
    {
        const string entry = "<li><a href=\"/espace-membre/actualites\">Actualités</a></li>";
        using var editor = await site.SignInAsync("Rémi Rédacteur", ["editor"]);
        using var admin = await site.SignInAsync("Ada Admin", ["admin"]);
        using var member = await site.SignInAsync("Claire Membre", ["referent"]);

        Assert.Contains(entry, await (await editor.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.Contains(entry, await (await admin.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(entry, await (await member.GetAsync("/espace-membre")).ReadPageAsync(), StringComparison.Ordinal);
    }

    private static NewsView News(string status, string body, Guid? id = null, DateTimeOffset? publishedAt = default, string? image = "default") => new(
        id ?? NewsId, "Forum de l'emploi numérique", Event, body,
        image == "default" ? $"{Api}/{id ?? NewsId}/image?v=abc" : image,
        status,
        publishedAt == default && status != "draft" ? new DateTimeOffset(2026, 6, 15, 8, 30, 0, TimeSpan.Zero) : publishedAt,
        "Rémi Rédacteur", new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string title, string category, string body, string publishAt,
        (string FileName, byte[] Bytes)? image, string action)
    {
        var form = await (await client.GetAsync(path)).ReadPageAsync();
        var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(category), "Input.Category" },
            { new StringContent(body), "Input.BodyHtml" },
            { new StringContent(publishAt), "Input.PublishAt" },
            { new StringContent(action), "action" },
        };
        if (image is { } file)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(bytes, "Input.Image", file.FileName);
        }

        return await client.PostAsync(path, content);
    }

    private static string Element(string html, string attribute)
    {
        var at = html.IndexOf(attribute, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the page has an element with {attribute}");
        var start = html.LastIndexOf('<', at);
        return html[start..(html.IndexOf('>', at) + 1)];
    }

    private static string Region(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"the page has {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }
}
