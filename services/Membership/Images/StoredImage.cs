using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.Images;

/// <summary>A logo or a photo as stored: re-encoded from the upload (no metadata kept) and scaled to fit its box.</summary>
public sealed class StoredImage
{
    public Guid Id { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> image)
    {
        image.ToTable("images");
        image.HasKey(i => i.Id);
        image.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        image.Property(i => i.ContentType).HasColumnName("content_type").HasMaxLength(20);
        image.Property(i => i.Content).HasColumnName("content");
        image.Property(i => i.Width).HasColumnName("width");
        image.Property(i => i.Height).HasColumnName("height");
        image.Property(i => i.CreatedAt).HasColumnName("created_at");
    }
}
