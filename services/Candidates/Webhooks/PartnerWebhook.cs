using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Candidates.Webhooks;

/// <summary>Where a partner's client wants to be told of its dossiers' status changes, and the secret the calls are signed with.</summary>
public sealed class PartnerWebhook
{
    public required string ClientId { get; init; }

    public Guid OrganisationId { get; init; }

    public required Uri Url { get; set; }

    /// <summary>Shared with the partner once (when set or rotated): both sides need it to compute the HMAC.</summary>
    public required string Secret { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One call to make to a partner's webhook, written in the same transaction as the change it tells
/// (so nothing is told that did not happen, and nothing that happened is lost), then made by the
/// worker with retries and back-off.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }

    public required string ClientId { get; init; }

    public Guid DossierId { get; init; }

    public required string EventType { get; init; }

    /// <summary>The JSON body, fixed when the change happened: every attempt sends the same bytes.</summary>
    public required string Payload { get; init; }

    public WebhookDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

internal sealed class PartnerWebhookConfiguration : IEntityTypeConfiguration<PartnerWebhook>
{
    public void Configure(EntityTypeBuilder<PartnerWebhook> webhook)
    {
        webhook.ToTable("partner_webhooks");
        webhook.HasKey(w => w.ClientId);
        webhook.Property(w => w.ClientId).HasColumnName("client_id").HasMaxLength(100);
        webhook.Property(w => w.OrganisationId).HasColumnName("organisation_id");
        webhook.HasIndex(w => w.OrganisationId);
        webhook.Property(w => w.Url).HasColumnName("url").HasMaxLength(2000);
        webhook.Property(w => w.Secret).HasColumnName("secret").HasMaxLength(100);
        webhook.Property(w => w.CreatedAt).HasColumnName("created_at");
        webhook.Property(w => w.UpdatedAt).HasColumnName("updated_at");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        delivery.Property(d => d.ClientId).HasColumnName("client_id").HasMaxLength(100);
        delivery.Property(d => d.DossierId).HasColumnName("dossier_id");
        delivery.Property(d => d.EventType).HasColumnName("event_type").HasMaxLength(60);
        delivery.Property(d => d.Payload).HasColumnName("payload");
        delivery.Property(d => d.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.Attempts).HasColumnName("attempts");
        delivery.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        delivery.Property(d => d.LastStatusCode).HasColumnName("last_status_code");
        delivery.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(1000);
        delivery.Property(d => d.CreatedAt).HasColumnName("created_at");
        delivery.Property(d => d.DeliveredAt).HasColumnName("delivered_at");
        delivery.HasIndex(d => new { d.ClientId, d.CreatedAt });
        delivery.HasIndex(d => new { d.NextAttemptAt, d.Id }).HasFilter("state = 'Pending'");
    }
}
