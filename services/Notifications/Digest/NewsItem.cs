using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Directory;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Digest;

/// <summary>A news item Directory published, kept for the daily digest.</summary>
public sealed class NewsItem
{
    public Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string Summary { get; init; }

    public required string Link { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>When Notifications received it: an item that arrives after a digest's cut-off goes into the next one.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>Stores each <see cref="NewsPublished"/> once (its id is the key: a second copy, or a second message, changes nothing).</summary>
public sealed class NewsPublishedRecorder(NotificationsDbContext db, TimeProvider clock, ILogger<NewsPublishedRecorder> logger)
    : IdempotentConsumer<NewsPublished, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<NewsPublished> context, CancellationToken cancellationToken)
    {
        var news = context.Message;
        var publishedAt = news.PublishedAt.ToUniversalTime(); // Npgsql writes only UTC instants to timestamptz.
        var receivedAt = Clock.GetUtcNowForDatabase();
        var written = await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO news_items (id, title, category, summary, link, published_at, received_at)
             VALUES ({news.NewsId}, {news.Title}, {news.Category}, {news.Summary}, {news.Link.AbsoluteUri}, {publishedAt}, {receivedAt})
             ON CONFLICT (id) DO NOTHING
             """,
            cancellationToken);
        if (written == 0)
        {
            logger.LogInformation("News {NewsId} was already stored; ignored", news.NewsId);
        }
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> item)
    {
        item.ToTable("news_items"); // also written by NewsPublishedRecorder's SQL and read by NewsDigestJob's
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        item.Property(i => i.Title).HasColumnName("title").HasMaxLength(300);
        item.Property(i => i.Category).HasColumnName("category").HasMaxLength(100);
        item.Property(i => i.Summary).HasColumnName("summary");
        item.Property(i => i.Link).HasColumnName("link").HasMaxLength(2000);
        item.Property(i => i.PublishedAt).HasColumnName("published_at");
        item.Property(i => i.ReceivedAt).HasColumnName("received_at");
        item.HasIndex(i => i.PublishedAt);
    }
}
