using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Notifications.Email;

namespace Nege.Notifications.Deliveries;

/// <summary>A file sent with a recorded e-mail, kept with it (and erased with it) until and after it is sent.</summary>
public sealed class EmailDeliveryAttachment
{
    public Guid Id { get; init; }

    public Guid DeliveryId { get; init; }

    /// <summary>Its place among the e-mail's attachments, from 0: the MIME message lists them in this order.</summary>
    public int Position { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    internal static EmailDeliveryAttachment Of(EmailAttachment attachment, Guid deliveryId, int position) => new()
    {
        Id = NewId.NextSequentialGuid(),
        DeliveryId = deliveryId,
        Position = position,
        FileName = attachment.FileName,
        ContentType = attachment.ContentType,
        Content = attachment.Content,
    };
}

internal sealed class EmailDeliveryAttachmentConfiguration : IEntityTypeConfiguration<EmailDeliveryAttachment>
{
    public void Configure(EntityTypeBuilder<EmailDeliveryAttachment> attachment)
    {
        attachment.ToTable("email_attachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        attachment.Property(a => a.DeliveryId).HasColumnName("delivery_id");
        attachment.Property(a => a.Position).HasColumnName("position");
        attachment.Property(a => a.FileName).HasColumnName("file_name").HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasColumnName("content_type").HasMaxLength(255);
        attachment.Property(a => a.Content).HasColumnName("content").HasColumnType("bytea");
        attachment.HasIndex(a => new { a.DeliveryId, a.Position }).IsUnique();
    }
}
