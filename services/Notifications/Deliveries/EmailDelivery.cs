using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Notifications.Deliveries;

/// <summary>One e-mail sent: the delivery log (what, to whom, when, because of which message).</summary>
public sealed class EmailDelivery
{
    public Guid Id { get; init; }

    public required string Template { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public Guid CausationMessageId { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

internal sealed class EmailDeliveryConfiguration : IEntityTypeConfiguration<EmailDelivery>
{
    public void Configure(EntityTypeBuilder<EmailDelivery> delivery)
    {
        delivery.ToTable("email_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        delivery.Property(d => d.Template).HasColumnName("template").HasMaxLength(100);
        delivery.Property(d => d.Recipient).HasColumnName("recipient").HasMaxLength(254);
        delivery.Property(d => d.Subject).HasColumnName("subject").HasMaxLength(300);
        delivery.Property(d => d.CausationMessageId).HasColumnName("causation_message_id");
        delivery.Property(d => d.SentAt).HasColumnName("sent_at");
        delivery.HasIndex(d => d.SentAt);
    }
}
