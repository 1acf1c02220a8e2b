using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Data;

namespace Nege.Notifications.Digest;

/// <summary>
/// The daily digest: at or after the day's cut-off (<see cref="DigestOptions.At"/>, Paris time), every person with a
/// category that has news since the previous digest gets one e-mail listing them. Runs every few minutes on one
/// replica; a round after a late start sends the day's digest then. Each person's e-mail is queued with the row
/// (person, day), whose key makes it once whatever the replicas, restarts or an unfinished round, in batches of
/// <see cref="DigestOptions.BatchSize"/> persons per transaction.
/// </summary>
public sealed class NewsDigestJob(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewsDigestJob> logger, IOptions<DigestOptions> options,
    IOptions<EmailOptions> email, UnsubscribeLinks links)
    : ScheduledJob<NotificationsDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    /// <summary>The instant of <paramref name="day"/>'s cut-off: its Paris wall-clock time, whatever the offset that day.</summary>
    public static DateTimeOffset CutOffOf(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    protected override async Task RunAsync(NotificationsDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNowForDatabase();
        var today = ParisTime.DateOf(now);
        var cutOff = CutOffOf(today, options.Value.CutOffTime);
        if (now < cutOff)
        {
            return;
        }

        // The day's window is fixed by the round that creates its row: from the previous digest's cut-off (or a day
        // before the first one), so that the news of days the service was down go out in the next digest.
        var firstPrevious = cutOff.AddDays(-1);
        await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO news_digests (day, cut_off, previous_cut_off, started_at, recipient_count)
             VALUES ({today}, {cutOff}, COALESCE((SELECT max(cut_off) FROM news_digests WHERE day < {today}), {firstPrevious}), {now}, 0)
             ON CONFLICT (day) DO NOTHING
             """,
            cancellationToken);
        var run = await db.NewsDigestRuns.SingleAsync(r => r.Day == today, cancellationToken);
        if (run.CompletedAt is not null)
        {
            return;
        }

        // An item belongs to the first digest whose cut-off is at or after both its publication and its arrival:
        // one published before a cut-off but received after it (a late message) goes into the next one, not lost.
        var (from, to) = (run.PreviousCutOff, run.CutOff);
        var items = await db.NewsItems.AsNoTracking()
            .Where(i => i.PublishedAt <= to && i.ReceivedAt <= to && (i.PublishedAt > from || i.ReceivedAt > from))
            .ToListAsync(cancellationToken);
        var queued = items.Count == 0 ? 0 : await QueueAsync(db, run, items, now, cancellationToken);

        run.CompletedAt = Clock.GetUtcNowForDatabase();
        run.RecipientCount = await db.NewsDigestRecipients.CountAsync(r => r.Day == today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Logger.LogInformation("News digest of {Day}: {Items} news, {Queued} e-mails queued this round, {Recipients} in all",
            today, items.Count, queued, run.RecipientCount);
    }

    private async Task<int> QueueAsync(NotificationsDbContext db, NewsDigestRun run, List<NewsItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var categories = items.Select(i => i.Category).Distinct().ToArray();
        var day = run.Day;
        var batchSize = options.Value.BatchSize;
        var queued = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var persons = await db.NotificationPreferences
                .FromSql($"""
                          SELECT * FROM notification_preferences p
                          WHERE p.categories && {categories}
                            AND NOT EXISTS (SELECT 1 FROM news_digest_recipients r WHERE r.account_id = p.account_id AND r.day = {day})
                          ORDER BY p.account_id
                          LIMIT {batchSize}
                          """)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (persons.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                break;
            }

            foreach (var person in persons)
            {
                var theirs = items.Where(i => person.Categories.Contains(i.Category)).ToList();
                var message = NewsDigestEmail.Compose(person.Email, day, theirs, links.For(person.AccountId), links.PreferencesPage);
                var delivery = EmailDelivery.Record(message, NewsDigestEmail.TemplateName, CausationOf(person.AccountId, day), email.Value.Domain, now, Activity.Current);
                db.EmailDeliveries.Add(delivery);
                db.NewsDigestRecipients.Add(new NewsDigestRecipient
                {
                    AccountId = person.AccountId, Day = day, DeliveryId = delivery.Id, ItemCount = theirs.Count, QueuedAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            queued += persons.Count;
        }

        db.ChangeTracker.Clear();
        db.Attach(run);
        return queued;
    }

    /// <summary>
    /// The delivery's causation, from (person, day) since no message caused it: the deliveries' unique
    /// (causation, template) is a second guard behind the recipients' key.
    /// </summary>
    internal static Guid CausationOf(Guid accountId, DateOnly day) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{NewsDigestEmail.TemplateName}:{accountId:D}:{day:yyyy-MM-dd}")).AsSpan(0, 16));
}
