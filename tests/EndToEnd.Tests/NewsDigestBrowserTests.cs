using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;
using Nege.Testing;
using Npgsql;

namespace EndToEnd.Tests;

/// <summary>
/// « Actualités » and the daily digest, through the gateway: an editor writes a news item in the extranet, previews it
/// and publishes it; the public list and its page show it. Then « the next morning »: the digest's time is moved to a
/// few seconds ahead and Notifications restarted (the AppHost gives it the new time), and the digest reaches the
/// subscribers of that category only, each once; its unsubscribe link, opened in a browser without logging in, asks
/// for a click and unsubscribes — in Notifications and in the member area's « Mes notifications » too.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class NewsDigestBrowserTests(RunningSystem system) : BrowserTest
{
    private const string Category = "Commission Aide au Recrutement";
    private const string OtherCategory = "Evénement public";
    private const string Preferences = "/api/membership/me/notification-preferences";

    /// <summary>From the editor's click to Notifications' copy of the item: through the outbox and the broker.</summary>
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_editor_publishes_news_and_the_next_digest_reaches_only_that_categorys_subscribers_once_with_a_working_unsubscribe_link()
    {
        var subscriber = await SubscriberAsync(Category);
        var both = await SubscriberAsync(Category, OtherCategory);
        var elsewhere = await SubscriberAsync(OtherCategory);
        var editor = await system.Identities.PersonWithRoleAsync(NegeRoles.Editor);
        var title = $"Job dating du numérique {Guid.NewGuid().ToString("N")[..6]}";

        // The editor writes, previews and publishes.
        var page = await LogInAsync(system.GatewayUrl, editor.Email, editor.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Actualités", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle actualité", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle actualité", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Titre *", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Catégorie *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Category });
        await page.GetByLabel("Texte *", new() { Exact = true }).FillAsync(
            "<p>La commission AAR réunit les entreprises et les candidats le <strong>12 mars</strong> à Metz.</p><script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prévisualisation — Brouillon" })).ToBeVisibleAsync();
        var article = page.Locator("article");
        await Assertions.Expect(article).ToContainTextAsync("La commission AAR réunit les entreprises et les candidats le 12 mars à Metz.");
        await Assertions.Expect(article.Locator("script")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L'actualité est publiée.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la page publique", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var itemUrl = page.Url;

        // A visitor finds it in the public list, filtered by its category.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync(system.GatewayUrl + "/actualites");
        await visitor.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Category });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Filtrer", Exact = true }).ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        Assert.Equal(itemUrl, visitor.Url);

        // Notifications has the item (NewsPublished) and everyone's categories (NotificationPreferencesChanged).
        await Eventually.UntilAsync(async () => await CountAsync("SELECT count(*) FROM news_items WHERE title = @p", title) == 1,
            EventTimeout, "Notifications received the news item");

        // « The next morning »: the digest is due a few seconds from now, Paris time.
        var paris = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        system.NewsDigestAt = paris.AddSeconds(3).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        await system.StopAsync(Nege.ServiceDefaults.ResourceNames.Notifications);
        await system.StartAsync(Nege.ServiceDefaults.ResourceNames.Notifications);

        var day = DateOnly.FromDateTime(paris.AddSeconds(3).DateTime);
        var digestSubject = $"Les actualités de Numéric'Emploi Grand Est du {(day.Day == 1 ? "1er" : day.Day)} {FrenchMonth(day.Month)} {day.Year}";
        var toSubscriber = await system.Sink.WaitForAsync(e => e.Subject == digestSubject && To(e, subscriber.Email), EventTimeout, "the subscriber's digest");
        await system.Sink.WaitForAsync(e => e.Subject == digestSubject && To(e, both.Email), EventTimeout, "the digest of the subscriber to both categories");
        Assert.Contains(title, toSubscriber.Text, StringComparison.Ordinal);
        Assert.Contains(itemUrl, toSubscriber.Text, StringComparison.Ordinal);

        // Every digest of the day is out: the one subscribed elsewhere got none, the others one each.
        await Eventually.UntilAsync(
            async () => await CountAsync("SELECT count(*) FROM news_digests WHERE completed_at IS NOT NULL AND day = @p", day) == 1
                        && await CountAsync("SELECT count(*) FROM email_deliveries WHERE state = 'Pending' AND template = @p", "news-digest") == 0,
            EventTimeout, "the day's digest done and sent");
        var all = await system.Sink.GetAllAsync();
        Assert.Single(all, e => e.Subject == digestSubject && To(e, subscriber.Email));
        Assert.Single(all, e => e.Subject == digestSubject && To(e, both.Email));
        Assert.DoesNotContain(all, e => e.Subject == digestSubject && To(e, elsewhere.Email));

        // The unsubscribe link, in a browser without a session: a page with a button, then the confirmation.
        var link = UnsubscribeLink().Match(toSubscriber.Text!).Value;
        Assert.StartsWith(system.GatewayUrl + "/api/notifications/digest/unsubscribe?", link, StringComparison.Ordinal);
        var headers = await system.Sink.ReadHeadersAsync(toSubscriber);
        Assert.Equal($"<{link}>", Assert.Single(headers["List-Unsubscribe"]));
        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync(link);
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Se désabonner de la lettre d'actualités", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(1, await CategoriesInNotificationsAsync(subscriber.AccountId));
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Confirmer le désabonnement" }).ClickAsync();
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Désabonnement confirmé", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, await CategoriesInNotificationsAsync(subscriber.AccountId));

        // Membership hears of it: the member area's « Mes notifications » shows nothing ticked.
        await Eventually.UntilAsync(async () => (await CategoriesInMembershipAsync(subscriber)).Length == 0, EventTimeout,
            "the member area's categories cleared");
        Assert.Equal([Category, OtherCategory], (await CategoriesInMembershipAsync(both)).Order(StringComparer.Ordinal));
        var memberPage = await LogInAsync(system.GatewayUrl, subscriber.Person.Email, subscriber.Person.Password);
        await memberPage.GotoAsync(system.GatewayUrl + "/espace-membre/notifications");
        await Assertions.Expect(memberPage.GetByRole(AriaRole.Checkbox, new() { Name = Category })).Not.ToBeCheckedAsync();

        // Still one digest each after all that (and Notifications' restart).
        all = await system.Sink.GetAllAsync();
        Assert.Single(all, e => e.Subject == digestSubject && To(e, subscriber.Email));
        Assert.Single(all, e => e.Subject == digestSubject && To(e, both.Email));
    }

    private sealed record Subscriber(Person Person, string AccessToken)
    {
        public string Email => Person.Email;

        public Guid AccountId => Person.Id;
    }

    /// <summary>A person of the extranet who chose <paramref name="categories"/> in « Mes notifications » (through the API).</summary>
    private async Task<Subscriber> SubscriberAsync(params string[] categories)
    {
        var person = await system.Identities.CreatePersonAsync(NegeRoles.Commission);
        var tokens = await system.Identities.LoginAsync(person);
        using var chosen = await system.Identities.SendAsync(HttpMethod.Put, Preferences, tokens.AccessToken, new { categories });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        await Eventually.UntilAsync(async () => await CategoriesInNotificationsAsync(person.Id) == categories.Length, EventTimeout,
            "Notifications knows the person's categories");
        return new Subscriber(person, tokens.AccessToken);
    }

    private async Task<string[]> CategoriesInMembershipAsync(Subscriber subscriber)
    {
        using var response = await system.Identities.SendAsync(HttpMethod.Get, Preferences, subscriber.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("categories").Deserialize<string[]>()!;
    }

    private Task<long> CategoriesInNotificationsAsync(Guid accountId) =>
        CountAsync("SELECT coalesce(cardinality(categories), 0) FROM notification_preferences WHERE account_id = @p", accountId);

    private async Task<long> CountAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(system.NotificationsDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", value);
        return await command.ExecuteScalarAsync() is { } result and not DBNull ? Convert.ToInt64(result, CultureInfo.InvariantCulture) : 0;
    }

    private static bool To(SinkEmail email, string address) => email.To.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase));

    private static string FrenchMonth(int month) => CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(month);

    [GeneratedRegex(@"http://\S+/api/notifications/digest/unsubscribe\?p=[0-9a-f-]{36}&s=[A-Za-z0-9_-]+")]
    private static partial Regex UnsubscribeLink();
}
