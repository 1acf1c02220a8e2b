using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Directory;
using Nege.Directory.News;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace Directory.Tests;

/// <summary>« Actualités »: editors write, preview, publish at once or on schedule (<c>NewsPublished</c> once); anyone reads the published ones and their feed.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class NewsTests(DirectoryService service)
{
    private const string Route = "/api/directory/news";
    private const string Events = "Evénement public";
    private const string Association = "Vie de l'association";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private HttpClient Editor() => service.CreateClient(service.Tokens.ForPerson([NegeRoles.Editor], name: "Éva Rédactrice"));

    private static NewsRequest Request(string title, string category = Events, DateTimeOffset? publishAt = null, string? image = null,
        string body = "<p>Le forum de l'emploi se tient à Strasbourg.</p>") => new(title, body, category, image, publishAt);

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static string DataUrl(byte[] bytes, string type = "image/png") => $"data:{type};base64,{Convert.ToBase64String(bytes)}";

    private async Task<NewsView> CreateAsync(NewsRequest request)
    {
        using var editor = Editor();
        var response = await editor.PostAsJsonAsync(Route, request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NewsView>())!;
    }

    private async Task<List<NewsPublished>> PublishedEventsAsync(Guid id) => (await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(NewsPublished))).Select(m => m.Payload).ToListAsync()))
        .Select(payload => JsonSerializer.Deserialize<NewsPublished>(payload, Json)!).Where(e => e.NewsId == id).ToList();

    private Uri Page(Guid id) => new(new Uri(service.Tokens.Issuer.TrimEnd('/') + "/"), $"actualites/{id}");

    [Fact]
    public async Task A_draft_is_previewed_by_editors_only_then_published_at_once_announced_once_and_corrected_without_a_second_announcement()
    {
        using var editor = Editor();
        using var anonymous = service.Factory.CreateClient();
        var draft = await CreateAsync(Request("Forum de l'emploi 2027"));
        Assert.Equal(("draft", "Éva Rédactrice", (DateTimeOffset?)null), (draft.Status, draft.Author, draft.PublishedAt));

        var preview = (await editor.GetFromJsonAsync<NewsView>($"{Route}/{draft.Id}/preview"))!;
        Assert.Equal(("Forum de l'emploi 2027", "<p>Le forum de l'emploi se tient à Strasbourg.</p>", "draft"), (preview.Title, preview.BodyHtml, preview.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Route}/{draft.Id}")).StatusCode);
        Assert.Contains((await editor.GetFromJsonAsync<PageOf<NewsView>>($"{Route}/drafts?pageSize=100"))!.Items, n => n.Id == draft.Id);
        Assert.Empty(await PublishedEventsAsync(draft.Id));

        var publishAt = Now().AddMinutes(-1);
        var published = await editor.PutAsJsonAsync($"{Route}/{draft.Id}", Request("Forum de l'emploi 2027", publishAt: publishAt));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.Content.ReadFromJsonAsync<NewsView>())!.Status);
        var page = (await anonymous.GetFromJsonAsync<NewsView>($"{Route}/{draft.Id}"))!;
        Assert.Equal(("published", publishAt), (page.Status, page.PublishedAt));
        var announced = Assert.Single(await PublishedEventsAsync(draft.Id));
        Assert.Equal(("Forum de l'emploi 2027", Events, "Le forum de l'emploi se tient à Strasbourg.", Page(draft.Id), publishAt),
            (announced.Title, announced.Category, announced.Summary, announced.Link, announced.PublishedAt));
        Assert.DoesNotContain((await editor.GetFromJsonAsync<PageOf<NewsView>>($"{Route}/drafts?pageSize=100"))!.Items, n => n.Id == draft.Id);

        var corrected = await editor.PutAsJsonAsync($"{Route}/{draft.Id}", Request("Forum de l'emploi 2027 (date corrigée)", publishAt: publishAt));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("Forum de l'emploi 2027 (date corrigée)", (await anonymous.GetFromJsonAsync<NewsView>($"{Route}/{draft.Id}"))!.Title);
        Assert.Single(await PublishedEventsAsync(draft.Id));

        var unpublish = await ProblemAssertions.ValidationErrorsAsync(await editor.PutAsJsonAsync($"{Route}/{draft.Id}", Request("Forum", publishAt: null)));
        Assert.Equal(["publishAt"], unpublish.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.DeleteAsync($"{Route}/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_item_is_published_by_the_job_once_its_date_has_come_and_announced_once()
    {
        var publishAt = Now().AddHours(1);
        var scheduled = await CreateAsync(Request("Assemblée générale", Association, publishAt));
        Assert.Equal("scheduled", scheduled.Status);
        using var anonymous = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Route}/{scheduled.Id}")).StatusCode);

        var clock = new FakeTimeProvider(publishAt.AddMinutes(-1));
        var job = new NewsScheduler(service.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<NewsScheduler>.Instance);
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the scheduler runs a round");
        Assert.Empty(await PublishedEventsAsync(scheduled.Id));

        clock.SetUtcNow(publishAt.AddSeconds(30));
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the scheduler runs a round");
        var announced = Assert.Single(await PublishedEventsAsync(scheduled.Id));
        Assert.Equal((scheduled.Id, "Assemblée générale", Association, Page(scheduled.Id), publishAt),
            (announced.NewsId, announced.Title, announced.Category, announced.Link, announced.PublishedAt));
        Assert.NotNull(await service.QueryAsync(db => db.News.Where(n => n.Id == scheduled.Id).Select(n => n.PublishedEventAt).SingleAsync()));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), TimeSpan.FromSeconds(30), "the scheduler runs a round");
        Assert.Single(await PublishedEventsAsync(scheduled.Id));
    }

    [Fact]
    public async Task Only_drafts_can_be_deleted()
    {
        using var editor = Editor();
        var draft = await CreateAsync(Request("Brouillon à jeter"));
        var scheduled = await CreateAsync(Request("Programmée", publishAt: Now().AddDays(2)));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"{Route}/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{Route}/{draft.Id}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.DeleteAsync($"{Route}/{scheduled.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync($"{Route}/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_body_is_sanitised_scripts_and_event_handlers_removed_and_the_summary_is_its_plain_text()
    {
        var body = "<p onclick=\"alert('clic')\">Bonjour <strong>à tous</strong> <em>et</em> <span style=\"color:red\">bienvenue</span></p>"
            + "<script>alert('volé')</script><style>p { display: none }</style>"
            + "<ul><li><a href=\"javascript:alert(1)\">piège</a></li><li><a href=\"https://nege.example/agenda\">agenda</a></li></ul>"
            + "<h2>Programme</h2><img src=x onerror=alert(2)>";

        var news = await CreateAsync(Request("Bienvenue", body: body));

        foreach (var gone in new[] { "script", "alert", "onclick", "onerror", "style", "javascript:", "<span", "<img", "volé" })
        {
            Assert.DoesNotContain(gone, news.BodyHtml, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("<strong>à tous</strong>", news.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://nege.example/agenda\">agenda</a>", news.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<h2>Programme</h2>", news.BodyHtml, StringComparison.Ordinal);
        var summary = await service.QueryAsync(db => db.News.Where(n => n.Id == news.Id).Select(n => n.Summary).SingleAsync());
        Assert.Equal("Bonjour à tous et bienvenue · piège · agenda · Programme", summary);
    }

    [Fact]
    public async Task Bad_input_gets_a_french_message_per_field_and_nothing_is_written()
    {
        using var editor = Editor();
        var before = await service.QueryAsync(db => db.News.CountAsync());

        var errors = await ProblemAssertions.ValidationErrorsAsync(await editor.PostAsJsonAsync(Route,
            new NewsRequest(" ", new string('x', NewsRules.BodyMaxLength + 1), "Sport", "data:image/png;base64,***", null)));
        Assert.Equal(["bodyHtml", "category", "image", "title"], errors.Keys.Order());
        Assert.Equal("Le titre est obligatoire.", Assert.Single(errors["title"]));
        Assert.Contains("50000 caractères", Assert.Single(errors["bodyHtml"]), StringComparison.Ordinal);
        Assert.Contains("Vie de l'association", Assert.Single(errors["category"]), StringComparison.Ordinal);

        var tooLong = await ProblemAssertions.ValidationErrorsAsync(await editor.PostAsJsonAsync(Route,
            new NewsRequest(new string('T', NewsRules.TitleMaxLength + 1), "<script>seul</script>", null, "pas une adresse data", null)));
        Assert.Equal(["bodyHtml", "category", "image", "title"], tooLong.Keys.Order());
        Assert.Contains("200 caractères", Assert.Single(tooLong["title"]), StringComparison.Ordinal);

        Assert.Equal(before, await service.QueryAsync(db => db.News.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsJsonAsync($"{Route}/{Guid.NewGuid()}", Request("Inconnue"))).StatusCode);
    }

    [Fact]
    public async Task Images_are_checked_by_their_content_served_with_an_etag_and_kept_changed_or_removed()
    {
        using var editor = Editor();
        var executable = "MZ\u0090\0\u0003\0\0\0\u0004\0"u8.ToArray();
        var renamed = await ProblemAssertions.ValidationErrorsAsync(await editor.PostAsJsonAsync(Route, Request("Exécutable", image: DataUrl(executable))));
        Assert.Contains("programme exécutable", Assert.Single(renamed["image"]), StringComparison.Ordinal);
        var pdf = await ProblemAssertions.ValidationErrorsAsync(await editor.PostAsJsonAsync(Route, Request("PDF", image: DataUrl("%PDF-1.4\n"u8.ToArray()))));
        Assert.Contains("Seules les images PNG ou JPEG sont acceptées.", Assert.Single(pdf["image"]), StringComparison.Ordinal);
        var oversize = new byte[NewsRules.ImageMaxBytes + 1];
        Png.CopyTo(oversize, 0);
        var big = await ProblemAssertions.ValidationErrorsAsync(await editor.PostAsJsonAsync(Route, Request("Trop grande", image: DataUrl(oversize))));
        Assert.Contains("2 Mo", Assert.Single(big["image"]), StringComparison.Ordinal);

        var news = await CreateAsync(Request("Avec image", publishAt: Now().AddMinutes(-5), image: DataUrl(Png)));
        Assert.NotNull(news.ImageUrl);
        using var anonymous = service.Factory.CreateClient();
        var image = await anonymous.GetAsync(news.ImageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=86400", image.Headers.CacheControl?.ToString());
        var etag = image.Headers.ETag!;
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"{Route}/{news.Id}/image");
        revalidation.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(revalidation)).StatusCode);

        var kept = await editor.PutAsJsonAsync($"{Route}/{news.Id}", Request("Avec image, corrigée", publishAt: news.PublishedAt, image: null));
        Assert.Equal(news.ImageUrl, (await kept.Content.ReadFromJsonAsync<NewsView>())!.ImageUrl);
        var removed = await editor.PutAsJsonAsync($"{Route}/{news.Id}", Request("Sans image", publishAt: news.PublishedAt, image: ""));
        Assert.Null((await removed.Content.ReadFromJsonAsync<NewsView>())!.ImageUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Route}/{news.Id}/image")).StatusCode);

        var draft = await CreateAsync(Request("Brouillon illustré", image: DataUrl([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Route}/{draft.Id}/image")).StatusCode);
        var previewImage = await editor.GetAsync(draft.ImageUrl);
        Assert.Equal("image/jpeg", previewImage.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_public_list_and_the_atom_feed_show_only_published_items_newest_first_by_category()
    {
        var now = Now();
        var older = await CreateAsync(Request("Ancienne", Events, now.AddHours(-3)));
        var newer = await CreateAsync(Request("Récente & <neuve>", Events, now.AddHours(-1)));
        var other = await CreateAsync(Request("Autre catégorie", Association, now.AddHours(-2)));
        var draft = await CreateAsync(Request("Brouillon", Events));
        var scheduled = await CreateAsync(Request("Demain", Events, now.AddDays(1)));
        Guid[] mine = [older.Id, newer.Id, other.Id, draft.Id, scheduled.Id];
        using var anonymous = service.Factory.CreateClient();

        var events = (await anonymous.GetFromJsonAsync<PageOf<NewsSummaryView>>($"{Route}?category={Uri.EscapeDataString(Events)}&pageSize=100"))!;
        Assert.Equal([newer.Id, older.Id], events.Items.Select(n => n.Id).Where(mine.Contains));
        Assert.All(events.Items, n => Assert.Equal(Events, n.Category));
        var all = (await anonymous.GetFromJsonAsync<PageOf<NewsSummaryView>>($"{Route}?pageSize=100"))!;
        Assert.Equal([newer.Id, other.Id, older.Id], all.Items.Select(n => n.Id).Where(mine.Contains));
        Assert.Equal("Le forum de l'emploi se tient à Strasbourg.", all.Items.Single(n => n.Id == newer.Id).Summary);
        var unknown = await ProblemAssertions.ValidationErrorsAsync(await anonymous.GetAsync($"{Route}?category=Sport"));
        Assert.Equal(["category"], unknown.Keys);
        Assert.Equal(["page", "pageSize"], (await ProblemAssertions.ValidationErrorsAsync(await anonymous.GetAsync($"{Route}?page=0&pageSize=500"))).Keys.Order());

        var feed = await anonymous.GetAsync($"{Route}/feed?category={Uri.EscapeDataString(Events)}");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var document = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        Assert.Equal(atom + "feed", document.Root!.Name);
        Assert.NotNull(document.Root.Element(atom + "updated"));
        Assert.Contains(document.Root.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = document.Root.Elements(atom + "entry").ToList();
        Assert.All(entries, e => Assert.Equal(Events, (string?)e.Element(atom + "category")?.Attribute("term")));
        var listed = entries.Select(e => Guid.Parse(e.Element(atom + "id")!.Value["urn:uuid:".Length..])).Where(mine.Contains).ToList();
        Assert.Equal([newer.Id, older.Id], listed);
        var entry = entries.Single(e => e.Element(atom + "id")!.Value == $"urn:uuid:{newer.Id}");
        Assert.Equal("Récente & <neuve>", entry.Element(atom + "title")!.Value);
        Assert.Equal(Page(newer.Id).AbsoluteUri, (string?)entry.Element(atom + "link")!.Attribute("href"));
        Assert.Equal("Le forum de l'emploi se tient à Strasbourg.", entry.Element(atom + "summary")!.Value);
        Assert.Equal(now.AddHours(-1), DateTimeOffset.Parse(entry.Element(atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["category"], (await ProblemAssertions.ValidationErrorsAsync(await anonymous.GetAsync($"{Route}/feed?category=Sport"))).Keys);
    }

    [Fact]
    public async Task Visitors_and_referents_cannot_write_preview_or_list_drafts()
    {
        var before = await service.QueryAsync(db => db.News.CountAsync());
        var draft = await CreateAsync(Request("Réservé aux rédacteurs"));
        using var anonymous = service.Factory.CreateClient();
        using var referent = service.CreateClient(service.Tokens.ForPerson([NegeRoles.Referent], Guid.NewGuid()));

        await ProblemAssertions.UnauthenticatedAsync(await anonymous.PostAsJsonAsync(Route, Request("Anonyme")));
        await ProblemAssertions.UnauthenticatedAsync(await anonymous.GetAsync($"{Route}/drafts"));
        await ProblemAssertions.UnauthenticatedAsync(await anonymous.GetAsync($"{Route}/{draft.Id}/preview"));
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PostAsJsonAsync(Route, Request("Référent"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.PutAsJsonAsync($"{Route}/{draft.Id}", Request("Référent"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.DeleteAsync($"{Route}/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.GetAsync($"{Route}/drafts")).StatusCode);

        Assert.Equal(before + 1, await service.QueryAsync(db => db.News.CountAsync()));
        Assert.Equal("Réservé aux rédacteurs", await service.QueryAsync(db => db.News.Where(n => n.Id == draft.Id).Select(n => n.Title).SingleAsync()));
    }
}
