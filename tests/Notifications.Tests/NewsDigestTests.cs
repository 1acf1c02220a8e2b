using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nege.Contracts.Directory;
using Nege.Contracts.Membership;
using Nege.Contracts.Notifications;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Digest;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// The daily digest with a fake clock: one e-mail per subscriber and day with only their categories' news, none on an
/// empty day, none twice (a second round, a second replica), the next day only the newer news; the signed unsubscribe
/// link. A service of its own: the digest's windows are the whole database's, and its subscribers would get the
/// other tests' news. Each test lives in its own year, its news published before its last cut-off.
/// </summary>
[Collection(NewsDigestCollection.Name)]
public sealed class NewsDigestTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string Events = "Evénement public";
    private const string Association = "Vie de l'association";
    private const string Recruitment = "Commission Aide au Recrutement";
    private const string Skills = "Commission Adaptation des Compétences";

    [Fact]
    public async Task Each_subscriber_gets_one_digest_with_only_their_categories_and_one_with_nothing_new_gets_none()
    {
        var day = new DateOnly(2031, 3, 10);
        var lea = await SubscribeAsync(Events, Association);
        var marc = await SubscribeAsync(Recruitment);
        var idle = await SubscribeAsync(Skills);
        var evening = At(day.AddDays(-1), 18);
        var salon = await PublishNewsAsync(Events, evening, "Salon du numérique à Metz");
        var assembly = await PublishNewsAsync(Association, evening.AddHours(1), "Assemblée générale");
        var job = await PublishNewsAsync(Recruitment, evening.AddHours(2), "Job dating à Reims");

        await RunAsync(NewJob(new FakeTimeProvider(At(day, 7, 5))));

        var toLea = await service.SmtpSink.Sink.WaitForRecipientAsync(lea.Email, Timeout);
        Assert.Equal("Les actualités de Numéric'Emploi Grand Est du 10 mars 2031", toLea.Subject);
        Assert.Contains(salon.Title, toLea.Text, StringComparison.Ordinal);
        Assert.Contains(salon.Summary, toLea.Text, StringComparison.Ordinal);
        Assert.Contains(salon.Link.AbsoluteUri, toLea.Text, StringComparison.Ordinal);
        Assert.Contains(assembly.Title, toLea.Text, StringComparison.Ordinal);
        Assert.Contains($"<h2>{Events}</h2>", toLea.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{salon.Link.AbsoluteUri}\"", toLea.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(job.Title, toLea.Text, StringComparison.Ordinal);

        var toMarc = await service.SmtpSink.Sink.WaitForRecipientAsync(marc.Email, Timeout);
        Assert.Contains(job.Title, toMarc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(salon.Title, toMarc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(assembly.Title, toMarc.Text, StringComparison.Ordinal);

        var headers = await service.SmtpSink.Sink.ReadHeadersAsync(toLea);
        var unsubscribe = Assert.Single(headers["List-Unsubscribe"]);
        Assert.NotNull(unsubscribe);
        Assert.Matches(@"^<http://.+/api/notifications/digest/unsubscribe\?p=[0-9a-f-]{36}&s=[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Contains($"p={lea.AccountId:D}", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", Assert.Single(headers["List-Unsubscribe-Post"]));
        Assert.Contains(unsubscribe.Trim('<', '>'), toLea.Text, StringComparison.Ordinal);

        Assert.Single(await DigestsToAsync(lea.Email));
        Assert.Single(await DigestsToAsync(marc.Email));
        Assert.Empty(await DigestsToAsync(idle.Email));
        var recipient = await service.QueryAsync(db => db.NewsDigestRecipients.SingleAsync(r => r.AccountId == lea.AccountId));
        Assert.Equal((day, 2), (recipient.Day, recipient.ItemCount));
    }

    [Fact]
    public async Task Before_the_cut_off_nothing_goes_then_once_whatever_the_rounds_and_replicas_and_the_next_day_only_the_newer_news()
    {
        var day = new DateOnly(2032, 6, 15); // summer time: 07:00 in Paris is 05:00 UTC
        var person = await SubscribeAsync(Events);
        var first = await PublishNewsAsync(Events, At(day.AddDays(-1), 12), "Conférence sur l'IA");

        var early = new FakeTimeProvider(At(day, 6, 55));
        await RunAsync(NewJob(early));
        Assert.Empty(await DigestsToAsync(person.Email));

        // The service was down at 07:00 and comes back at 10:30: that day's digest goes then.
        var late = new FakeTimeProvider(At(day, 10, 30));
        await RunAsync(NewJob(late));
        Assert.Single(await DigestsToAsync(person.Email));

        // Another round, a restart (a new instance) and two replicas at once: nothing more.
        await RunAsync(NewJob(late));
        late.Advance(TimeSpan.FromHours(5));
        var (replicaA, replicaB) = (NewJob(late), NewJob(late));
        await Task.WhenAll(replicaA.RunOnceAsync(CancellationToken.None), replicaB.RunOnceAsync(CancellationToken.None));
        await RunAsync(replicaB);
        var sent = await service.SmtpSink.Sink.WaitForRecipientAsync(person.Email, Timeout);
        Assert.Contains(first.Title, sent.Text, StringComparison.Ordinal);

        // The next day: only what was published since the first digest's cut-off.
        var second = await PublishNewsAsync(Events, At(day, 9), "Atelier CV");
        await RunAsync(NewJob(new FakeTimeProvider(At(day.AddDays(1), 7))));
        var digests = await DigestsToAsync(person.Email);
        Assert.Equal(2, digests.Count);
        var next = Assert.Single(digests, d => d.Subject.EndsWith("16 juin 2032", StringComparison.Ordinal));
        Assert.Contains(second.Title, next.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Title, next.TextBody, StringComparison.Ordinal);

        // A day without news in their categories: nothing.
        await PublishNewsAsync(Skills, At(day.AddDays(1), 9), "Formation Kubernetes");
        await RunAsync(NewJob(new FakeTimeProvider(At(day.AddDays(2), 8))));
        Assert.Equal(2, (await DigestsToAsync(person.Email)).Count);
        await Eventually.UntilAsync(
            async () => (await service.SmtpSink.Sink.GetAllAsync()).Count(e => IsTo(e, person.Email)) == 2, Timeout, "both digests in the sink");
    }

    [Fact]
    public async Task The_unsubscribe_link_checks_its_signature_shows_a_button_and_its_one_click_POST_stops_the_digest()
    {
        var day = new DateOnly(2033, 1, 20);
        var person = await SubscribeAsync(Association);
        await PublishNewsAsync(Association, At(day.AddDays(-1), 15), "Bilan de l'année");
        await RunAsync(NewJob(new FakeTimeProvider(At(day, 7))));
        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(person.Email, Timeout);
        var link = new Uri(Assert.Single((await service.SmtpSink.Sink.ReadHeadersAsync(email))["List-Unsubscribe"])!.Trim('<', '>'));
        var pathAndQuery = link.PathAndQuery;
        var query = HttpUtility.ParseQueryString(link.Query);
        using var client = service.Factory.CreateClient();

        // Tampered: another person's id with this signature, or a changed signature.
        var someoneElse = $"{UnsubscribeLinks.Path}?p={Guid.NewGuid():D}&s={query["s"]}";
        var changed = $"{UnsubscribeLinks.Path}?p={query["p"]}&s={Flip(query["s"]!)}";
        foreach (var tampered in new[] { someoneElse, changed, UnsubscribeLinks.Path })
        {
            using var refused = await client.PostAsync(tampered, OneClick());
            await AssertInvalidLinkAsync(refused);
            using var page = await client.GetAsync(tampered);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        }

        // GET (a link scanner, a click): a page with a button, and still subscribed.
        using (var page = await client.GetAsync(pathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
            Assert.Contains("Confirmer le désabonnement", html, StringComparison.Ordinal);
            // Dressed as the site's pages are, and leading back to it.
            Assert.Contains("<link rel=\"stylesheet\" href=\"/css/site.css\">", html, StringComparison.Ordinal);
            Assert.Contains("<a class=\"brand\" href=\"/\">Numéric'Emploi Grand Est</a>", html, StringComparison.Ordinal);
        }

        Assert.NotEmpty(await CategoriesOfAsync(person.AccountId));

        // The mail client's one-click (RFC 8058).
        using (var done = await client.PostAsync(pathAndQuery, OneClick()))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("Désabonnement confirmé", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(await CategoriesOfAsync(person.AccountId));
        Assert.True(await service.QueryAsync(db => db.DigestUnsubscriptions.AnyAsync(u => u.AccountId == person.AccountId)));
        // Told to Membership, whose member area shows the categories.
        var told = await service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.Contains(nameof(NewsDigestUnsubscribed))).Select(m => m.Payload).ToListAsync());
        Assert.Contains(told, payload => payload.Contains(person.AccountId.ToString("D"), StringComparison.Ordinal));

        await PublishNewsAsync(Association, At(day, 12), "Nouveau bureau");
        await RunAsync(NewJob(new FakeTimeProvider(At(day.AddDays(1), 7))));
        Assert.Single(await DigestsToAsync(person.Email));
    }

    [Fact]
    public async Task A_news_item_delivered_twice_or_published_twice_is_stored_once()
    {
        var news = News(Skills, At(new DateOnly(2034, 2, 1), 10), "Parcours data");
        var messageId = Guid.NewGuid();
        await service.PublishAsync(news, messageId);
        await service.WaitUntilConsumedAsync(messageId, 1);
        await service.PublishAsync(news, messageId);
        await service.WaitUntilConsumedAsync(messageId, 2);
        var again = Guid.NewGuid();
        await service.PublishAsync(news with { Title = "Autre titre" }, again);
        await service.WaitUntilConsumedAsync(again, 1);

        var stored = await service.QueryAsync(db => db.NewsItems.Where(i => i.Id == news.NewsId).ToListAsync());
        var item = Assert.Single(stored);
        Assert.Equal((news.Title, news.Category, news.Summary, news.Link.AbsoluteUri, news.PublishedAt), (item.Title, item.Category, item.Summary, item.Link, item.PublishedAt));
    }

    [Fact]
    public void The_cut_off_is_the_Paris_wall_clock_time_in_winter_and_in_summer()
    {
        var seven = new TimeOnly(7, 0);
        Assert.Equal(new DateTimeOffset(2031, 1, 10, 6, 0, 0, TimeSpan.Zero), NewsDigestJob.CutOffOf(new DateOnly(2031, 1, 10), seven));
        Assert.Equal(new DateTimeOffset(2031, 7, 10, 5, 0, 0, TimeSpan.Zero), NewsDigestJob.CutOffOf(new DateOnly(2031, 7, 10), seven));
        Assert.Equal(new DateTimeOffset(2031, 3, 30, 5, 0, 0, TimeSpan.Zero), NewsDigestJob.CutOffOf(new DateOnly(2031, 3, 30), seven)); // the day clocks go forward
    }

    /// <summary>Many subscribers at once (the throughput itself is measured by <c>./nege bench --only digest</c>).</summary>
    [Fact]
    public async Task Five_hundred_subscribers_each_get_one_digest_over_a_few_reused_connections()
    {
        const int count = 500;
        var day = new DateOnly(2035, 5, 5);
        // A category of its own: the other tests' digests do not go to these 500.
        var category = $"Débit {Guid.NewGuid():N}";
        var prefix = $"debit-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var emails = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}@exemple.fr").ToArray();
        var categories = new[] { category };
        var changedAt = DateTimeOffset.UtcNow;
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO notification_preferences (account_id, email, categories, changed_at)
             SELECT id, email, {categories}, {changedAt} FROM unnest({ids}, {emails}) AS t(id, email)
             """));
        await PublishNewsAsync(category, At(day.AddDays(-1), 20), "Actualité pour tous");

        await RunAsync(NewJob(new FakeTimeProvider(At(day, 7))));

        // The worker marks a claim's rows sent when it commits them, a moment after the sink has the e-mails.
        await Eventually.UntilAsync(
            async () => await service.QueryAsync(db => db.EmailDeliveries.CountAsync(
                d => d.Template == NewsDigestEmail.TemplateName && d.Recipient.StartsWith(prefix) && d.State == DeliveryState.Sent)) == count,
            TimeSpan.FromMinutes(3),
            $"{count} digests sent");
        var sent = service.Smtp.Connections.Where(c => c.Recipients.Any(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Equal(count, sent.Sum(c => c.Recipients.Count(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))));
        Assert.Equal(count, sent.SelectMany(c => c.Recipients).Where(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Up to 100 e-mails per connection: at least five connections, each reused for many.
        Assert.InRange(sent.Count, count / new EmailDeliveryOptions().BatchSize, count / 10);
    }

    private NewsDigestJob NewJob(TimeProvider clock)
    {
        var services = service.Factory.Services;
        return new NewsDigestJob(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<NewsDigestJob>.Instance,
            services.GetRequiredService<IOptions<DigestOptions>>(), services.GetRequiredService<IOptions<EmailOptions>>(),
            services.GetRequiredService<UnsubscribeLinks>());
    }

    /// <summary>
    /// One round, once the lock is free (the service's own job, on the real clock, may hold it a moment). The job's fake
    /// clock dates its e-mails' first attempt in the future of the delivery worker, which runs on the real clock: they
    /// are made due now, and the worker woken.
    /// </summary>
    private async Task RunAsync(NewsDigestJob job)
    {
        await Eventually.UntilAsync(() => job.RunOnceAsync(CancellationToken.None), Timeout, "the digest job runs a round");
        var now = DateTimeOffset.UtcNow;
        await service.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE email_deliveries SET next_attempt_at = {now} WHERE state = 'Pending' AND template = {NewsDigestEmail.TemplateName} AND next_attempt_at > {now}"));
        service.Factory.Services.GetRequiredService<CommitSignal<EmailDelivery>>().Notify();
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        NewsDigestJob.CutOffOf(day, new TimeOnly(hour, minute));

    private async Task<NotificationPreferencesChanged> SubscribeAsync(params string[] categories)
    {
        var changed = new NotificationPreferencesChanged(Guid.NewGuid(), $"lecteur-{Guid.NewGuid():N}@exemple.fr", categories, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await service.PublishAsync(changed, messageId);
        await service.WaitUntilConsumedAsync(messageId, 1);
        return changed;
    }

    private async Task<NewsPublished> PublishNewsAsync(string category, DateTimeOffset publishedAt, string title)
    {
        var news = News(category, publishedAt, title);
        var messageId = Guid.NewGuid();
        await service.PublishAsync(news, messageId);
        await service.WaitUntilConsumedAsync(messageId, 1);
        return news;
    }

    private static NewsPublished News(string category, DateTimeOffset publishedAt, string title)
    {
        var id = NewId.NextGuid();
        return new NewsPublished(id, $"{title} {id:N}"[..(title.Length + 9)], category, $"Résumé de « {title} » : les premières phrases.",
            new Uri($"http://localhost:8080/actualites/{id}"), publishedAt);
    }

    private Task<List<EmailDelivery>> DigestsToAsync(string recipient) =>
        service.QueryAsync(db => db.EmailDeliveries.Where(d => d.Recipient == recipient && d.Template == NewsDigestEmail.TemplateName).ToListAsync());

    private Task<List<string>> CategoriesOfAsync(Guid accountId) =>
        service.QueryAsync(async db => (await db.NotificationPreferences.SingleAsync(p => p.AccountId == accountId)).Categories);

    private static bool IsTo(SinkEmail email, string recipient) =>
        email.To.Any(to => string.Equals(to.Address, recipient, StringComparison.OrdinalIgnoreCase));

    private static string Flip(string signature) => (signature[0] == 'A' ? "B" : "A") + signature[1..];

    private static async Task AssertInvalidLinkAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lien de désabonnement invalide.", problem.GetProperty("title").GetString());
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);
}

[CollectionDefinition(Name)]
public sealed class NewsDigestCollection : ICollectionFixture<NotificationsService>
{
    public const string Name = "news-digest";
}
