using Microsoft.EntityFrameworkCore;

namespace Nege.ServiceDefaults.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Maps the outbox and inbox tables into a service's own database.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(message => message.Id);
            outbox.Property(message => message.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(message => message.MessageType).HasColumnName("message_type").HasMaxLength(500);
            outbox.Property(message => message.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(message => message.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(message => message.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            outbox.Property(message => message.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            outbox.Property(message => message.SentAt).HasColumnName("sent_at");
            outbox.Property(message => message.Attempts).HasColumnName("attempts");
            outbox.Property(message => message.LastError).HasColumnName("last_error").HasMaxLength(2000);
            outbox.HasIndex(message => message.OccurredAt)
                .HasDatabaseName("ix_outbox_messages_pending")
                .HasFilter("sent_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(message => new { message.MessageId, message.Consumer });
            inbox.Property(message => message.MessageId).HasColumnName("message_id");
            inbox.Property(message => message.Consumer).HasColumnName("consumer").HasMaxLength(300);
            inbox.Property(message => message.ProcessedAt).HasColumnName("processed_at");
        });

        return modelBuilder;
    }
}
