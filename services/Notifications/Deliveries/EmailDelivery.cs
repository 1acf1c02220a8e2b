using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Notifications.Email;

namespace Nege.Notifications.Deliveries;

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail to send, then sent: the delivery log. A consumer records it in its inbox transaction;
/// the delivery worker sends it afterwards, so a consume that does not commit sends nothing.
/// Transitions: pending → sent, pending → pending (a failed attempt, retried later), pending → failed (given up).
/// </summary>
public sealed class EmailDelivery
{
    public Guid Id { get; init; }

    public required string Template { get; init; }

    public required string Recipient { get; init; }

    public string? RecipientName { get; init; }

    /// <summary>The <c>Reply-To</c> address, when a reply goes to someone else than our no-reply sender.</summary>
    public string? ReplyTo { get; init; }

    public string? ReplyToName { get; init; }

    public required string Subject { get; init; }

    /// <summary>More headers the e-mail carries (name → value), or null: the digest's unsubscribe headers.</summary>
    public Dictionary<string, string>? Headers { get; init; }

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }

    /// <summary>The <c>Message-ID</c> header (without angle brackets), the same on every attempt, so a receiver can recognise a copy.</summary>
    public required string MessageIdHeader { get; init; }

    /// <summary>The broker message whose consumption recorded this e-mail.</summary>
    public Guid CausationMessageId { get; init; }

    /// <summary>W3C trace context of the consume, so the send continues its trace.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    private readonly List<EmailDeliveryAttachment> _attachments = [];

    /// <summary>Recorded with the delivery; a query loads them only when asked (the worker, for the row it claimed).</summary>
    public IReadOnlyList<EmailDeliveryAttachment> Attachments => _attachments;

    public static EmailDelivery Record(EmailMessage email, string template, Guid causationMessageId, string senderDomain, DateTimeOffset now, System.Diagnostics.Activity? activity)
    {
        var id = NewId.NextSequentialGuid();
        var delivery = new EmailDelivery
        {
            Id = id,
            Template = template,
            Recipient = email.To,
            RecipientName = email.ToName,
            ReplyTo = email.ReplyTo?.Address,
            ReplyToName = email.ReplyTo?.Name,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            Headers = email.Headers is { Count: > 0 } headers ? new Dictionary<string, string>(headers) : null,
            MessageIdHeader = $"{id:N}@{senderDomain}",
            CausationMessageId = causationMessageId,
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            State = DeliveryState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        for (var position = 0; position < email.Attachments.Count; position++)
        {
            delivery._attachments.Add(EmailDeliveryAttachment.Of(email.Attachments[position], id, position));
        }

        return delivery;
    }

    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        State = DeliveryState.Sent;
        SentAt = now;
    }

    /// <summary>Records a failed attempt: retried after the policy's back-off, or failed for good once it has had its attempts.</summary>
    public void RecordFailure(string error, DateTimeOffset now, DeliveryRetryPolicy policy)
    {
        EnsurePending();
        Attempts++;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        if (Attempts >= policy.MaxAttempts)
        {
            State = DeliveryState.Failed;
            return;
        }

        NextAttemptAt = now + policy.DelayAfter(Attempts);
    }

    internal const int MaxErrorLength = 2000;

    /// <summary>The longest subject the log keeps (a subject someone typed is shortened to fit).</summary>
    public const int SubjectMaxLength = 300;

    private void EnsurePending()
    {
        if (State != DeliveryState.Pending)
        {
            throw new InvalidOperationException($"E-mail delivery {Id} is {State}, not pending.");
        }
    }
}

/// <summary>How often and how long a failing e-mail is tried again: exponential back-off from the first delay, capped.</summary>
public sealed record DeliveryRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure: first delay × 2^(n−1), at most the cap.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var milliseconds = FirstDelay.TotalMilliseconds * Math.Pow(2, failedAttempts - 1);
        return milliseconds >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(milliseconds);
    }
}

internal sealed class EmailDeliveryConfiguration : IEntityTypeConfiguration<EmailDelivery>
{
    public const string Table = "email_deliveries"; // also read by EmailDeliveryWorker's SQL

    public void Configure(EntityTypeBuilder<EmailDelivery> delivery)
    {
        delivery.ToTable(Table);
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        delivery.Property(d => d.Template).HasColumnName("template").HasMaxLength(100);
        delivery.Property(d => d.Recipient).HasColumnName("recipient").HasMaxLength(254);
        delivery.Property(d => d.RecipientName).HasColumnName("recipient_name").HasMaxLength(200);
        delivery.Property(d => d.ReplyTo).HasColumnName("reply_to").HasMaxLength(254);
        delivery.Property(d => d.ReplyToName).HasColumnName("reply_to_name").HasMaxLength(200);
        delivery.Property(d => d.Subject).HasColumnName("subject").HasMaxLength(EmailDelivery.SubjectMaxLength);
        delivery.Property(d => d.TextBody).HasColumnName("text_body");
        delivery.Property(d => d.HtmlBody).HasColumnName("html_body");
        delivery.Property(d => d.Headers).HasColumnName("headers").HasColumnType("jsonb")
            .HasConversion(
                headers => headers == null ? null : JsonSerializer.Serialize(headers, (JsonSerializerOptions?)null),
                json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null),
                new ValueComparer<Dictionary<string, string>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    headers => headers == null ? 0 : headers.Count,
                    headers => headers == null ? null : new Dictionary<string, string>(headers)));
        delivery.Property(d => d.MessageIdHeader).HasColumnName("message_id_header").HasMaxLength(300);
        delivery.Property(d => d.CausationMessageId).HasColumnName("causation_message_id");
        delivery.Property(d => d.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
        delivery.Property(d => d.TraceState).HasColumnName("trace_state").HasMaxLength(512);
        delivery.Property(d => d.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.Attempts).HasColumnName("attempts");
        delivery.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        delivery.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(EmailDelivery.MaxErrorLength);
        delivery.Property(d => d.CreatedAt).HasColumnName("created_at");
        delivery.Property(d => d.SentAt).HasColumnName("sent_at");
        // In the database too: a bulk delete (the erasure of a candidate's e-mails) takes their files with them.
        delivery.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasIndex(d => d.SentAt);
        delivery.HasIndex(d => d.MessageIdHeader).IsUnique();

        // A second guard behind the inbox: one e-mail of a template per message.
        delivery.HasIndex(d => new { d.CausationMessageId, d.Template }).IsUnique();
        delivery.HasIndex(d => new { d.NextAttemptAt, d.Id })
            .HasDatabaseName("ix_email_deliveries_pending")
            .HasFilter("state = 'Pending'");
    }
}
