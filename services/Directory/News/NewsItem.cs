using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Directory.News;

/// <summary>
/// A news item (« actualité ») written by an editor: a draft while it has no publication date, scheduled while that date
/// is ahead, published once it has passed. <see cref="PublishedEventAt"/> records that <c>NewsPublished</c> left, once.
/// </summary>
public sealed class NewsItem
{
    public Guid Id { get; init; }

    public string Title { get; set; } = "";

    /// <summary>Sanitised on the way in (<see cref="NewsRules"/>).</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>The body's first words as plain text, for the list, the feed and the digest.</summary>
    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    public byte[]? Image { get; set; }

    public string? ImageContentType { get; set; }

    /// <summary>The image's hash: its ETag, and its address's version.</summary>
    public string? ImageVersion { get; set; }

    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>When <c>NewsPublished</c> was put in the outbox, in the same transaction; null until then.</summary>
    public DateTimeOffset? PublishedEventAt { get; set; }

    public Guid? AuthorId { get; init; }

    public string AuthorName { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> news)
    {
        news.ToTable("news");
        news.HasKey(n => n.Id);
        news.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        news.Property(n => n.Title).HasColumnName("title").HasMaxLength(NewsRules.TitleMaxLength);
        news.Property(n => n.BodyHtml).HasColumnName("body_html");
        news.Property(n => n.Summary).HasColumnName("summary").HasMaxLength(NewsRules.SummaryMaxLength + 1);
        news.Property(n => n.Category).HasColumnName("category").HasMaxLength(100);
        news.Property(n => n.Image).HasColumnName("image");
        news.Property(n => n.ImageContentType).HasColumnName("image_content_type").HasMaxLength(50);
        news.Property(n => n.ImageVersion).HasColumnName("image_version").HasMaxLength(64);
        news.Property(n => n.PublishAt).HasColumnName("publish_at");
        news.Property(n => n.PublishedEventAt).HasColumnName("published_event_at");
        news.Property(n => n.AuthorId).HasColumnName("author_id");
        news.Property(n => n.AuthorName).HasColumnName("author_name").HasMaxLength(200);
        news.Property(n => n.CreatedAt).HasColumnName("created_at");
        news.Property(n => n.UpdatedAt).HasColumnName("updated_at");

        news.HasIndex(n => new { n.Category, n.PublishAt });
        news.HasIndex(n => n.PublishAt);
    }
}
