using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Directory;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Directory.News;

/// <summary>The site's news pages, behind the gateway (the token issuer's address).</summary>
public sealed class NewsLinks(IConfiguration configuration)
{
    private readonly Uri _site = new(AuthenticationExtensions.IssuerOf(configuration).TrimEnd('/') + "/");

    /// <summary>« Actualités », for one category or all.</summary>
    public Uri List(string? category) => new(_site, category is null ? "actualites" : $"actualites?categorie={Uri.EscapeDataString(category)}");

    public Uri Page(Guid id) => new(_site, $"actualites/{id}");

    public Uri Feed(string? category) =>
        new(_site, NewsEndpoints.Route.TrimStart('/') + "/feed" + (category is null ? "" : $"?category={Uri.EscapeDataString(category)}"));
}

public static class NewsPublication
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Published = "published";

    public static string StatusOf(DateTimeOffset? publishAt, DateTimeOffset now) =>
        publishAt is null ? Draft : publishAt > now ? Scheduled : Published;

    /// <summary>
    /// Puts <c>NewsPublished</c> in the outbox if the item is due and its event has not left, marking it in the caller's
    /// transaction. The conditional update decides: of an edit and the job publishing the same item at once, the
    /// second waits for the first's row lock, then finds it marked.
    /// </summary>
    public static async Task<bool> PublishIfDueAsync(DirectoryDbContext db, NewsLinks links, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = await db.News.Where(n => n.Id == id && n.PublishAt <= now && n.PublishedEventAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.PublishedEventAt, now), cancellationToken);
        if (marked == 0)
        {
            return false;
        }

        var item = await db.News.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { n.Title, n.Category, n.Summary, n.PublishAt }).SingleAsync(cancellationToken);
        db.AddToOutbox(new NewsPublished(id, item.Title, item.Category, item.Summary, links.Page(id), item.PublishAt!.Value), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>Publishes the news items whose date has come (<c>NewsPublished</c>, once each). Every minute, on one replica.</summary>
public sealed class NewsScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NewsScheduler> logger)
    : ScheduledJob<DirectoryDbContext>(scopes, clock, logger)
{
    private const int Batch = 200;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(DirectoryDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var links = services.GetRequiredService<NewsLinks>();
        var now = Clock.GetUtcNowForDatabase();
        var due = await db.News.Where(n => n.PublishAt <= now && n.PublishedEventAt == null)
            .OrderBy(n => n.PublishAt).Select(n => n.Id).Take(Batch).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await NewsPublication.PublishIfDueAsync(db, links, id, now, cancellationToken))
            {
                published++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (published > 0)
        {
            Logger.LogInformation("News: {Published} item(s) published on schedule", published);
        }
    }
}

public static class NewsExtensions
{
    public static IHostApplicationBuilder AddNews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NewsLinks>();
        builder.Services.AddSingleton<NewsScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NewsScheduler>());
        return builder;
    }
}
