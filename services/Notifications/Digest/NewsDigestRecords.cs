using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Notifications.Digest;

/// <summary>
/// A day's digest (Europe/Paris): the news it covers are those in (<see cref="PreviousCutOff"/>, <see cref="CutOff"/>],
/// fixed when the day's first round creates the row, so every later round and replica picks the same ones.
/// </summary>
public sealed class NewsDigestRun
{
    public DateOnly Day { get; init; }

    public DateTimeOffset CutOff { get; init; }

    public DateTimeOffset PreviousCutOff { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Set once every subscriber with news got their e-mail queued: the later rounds of the day do nothing.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public int RecipientCount { get; set; }
}

/// <summary>That a person's digest of a day was queued, in the transaction of its e-mail: the key (person, day) makes it once.</summary>
public sealed class NewsDigestRecipient
{
    public Guid AccountId { get; init; }

    public DateOnly Day { get; init; }

    public Guid DeliveryId { get; init; }

    public int ItemCount { get; init; }

    public DateTimeOffset QueuedAt { get; init; }
}

/// <summary>
/// That a person unsubscribed from the digest by its link (their categories were cleared here). Membership does not
/// know: no event exists for it, and its preferences page still shows the old categories until the person saves it.
/// </summary>
public sealed class DigestUnsubscription
{
    public Guid AccountId { get; init; }

    public DateTimeOffset UnsubscribedAt { get; set; }
}

internal sealed class NewsDigestRunConfiguration : IEntityTypeConfiguration<NewsDigestRun>
{
    public void Configure(EntityTypeBuilder<NewsDigestRun> run)
    {
        run.ToTable("news_digests"); // also written by NewsDigestJob's SQL
        run.HasKey(r => r.Day);
        run.Property(r => r.Day).HasColumnName("day");
        run.Property(r => r.CutOff).HasColumnName("cut_off");
        run.Property(r => r.PreviousCutOff).HasColumnName("previous_cut_off");
        run.Property(r => r.StartedAt).HasColumnName("started_at");
        run.Property(r => r.CompletedAt).HasColumnName("completed_at");
        run.Property(r => r.RecipientCount).HasColumnName("recipient_count");
    }
}

internal sealed class NewsDigestRecipientConfiguration : IEntityTypeConfiguration<NewsDigestRecipient>
{
    public void Configure(EntityTypeBuilder<NewsDigestRecipient> recipient)
    {
        recipient.ToTable("news_digest_recipients"); // also read by NewsDigestJob's SQL
        recipient.HasKey(r => new { r.AccountId, r.Day });
        recipient.Property(r => r.AccountId).HasColumnName("account_id");
        recipient.Property(r => r.Day).HasColumnName("day");
        recipient.Property(r => r.DeliveryId).HasColumnName("delivery_id");
        recipient.Property(r => r.ItemCount).HasColumnName("item_count");
        recipient.Property(r => r.QueuedAt).HasColumnName("queued_at");
        recipient.HasIndex(r => r.Day);
    }
}

internal sealed class DigestUnsubscriptionConfiguration : IEntityTypeConfiguration<DigestUnsubscription>
{
    public void Configure(EntityTypeBuilder<DigestUnsubscription> unsubscription)
    {
        unsubscription.ToTable("digest_unsubscriptions"); // also written by DigestEndpoints' SQL
        unsubscription.HasKey(u => u.AccountId);
        unsubscription.Property(u => u.AccountId).HasColumnName("account_id").ValueGeneratedNever();
        unsubscription.Property(u => u.UnsubscribedAt).HasColumnName("unsubscribed_at");
    }
}
