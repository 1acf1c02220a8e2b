using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Directory.Contact;

/// <summary>
/// A visitor's message to a member's HR contact, kept 30 days (<see cref="ContactRetention"/>) for the throttling, the
/// refusal of the same message twice a day and the CV's download by Notifications; then erased.
/// </summary>
public sealed class ContactMessage
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public required string SenderName { get; init; }

    /// <summary>Lower-cased: the throttling counts an address however it is typed.</summary>
    public required string SenderEmail { get; init; }

    public required string Subject { get; init; }

    public required string Message { get; init; }

    /// <summary>SHA-256 of the subject and message as sent: with the sender, the company and the day, one identical message a day.</summary>
    public required string ContentHash { get; init; }

    public DateOnly SentOn { get; init; }

    public DateTimeOffset SentAt { get; init; }

    public required string ClientAddress { get; init; }

    public string? CvFileName { get; init; }

    public string? CvContentType { get; init; }

    public byte[]? Cv { get; init; }

    public string? CvSha256 { get; init; }

    /// <summary>The secret Notifications shows to download the CV (the event carries it; the gateway never routes the download).</summary>
    public string? DownloadToken { get; init; }
}

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> message)
    {
        message.ToTable("contact_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        message.Property(m => m.OrganisationId).HasColumnName("organisation_id");
        message.Property(m => m.SenderName).HasColumnName("sender_name").HasMaxLength(ContactRules.NameMaxLength);
        message.Property(m => m.SenderEmail).HasColumnName("sender_email").HasMaxLength(254);
        message.Property(m => m.Subject).HasColumnName("subject").HasMaxLength(ContactRules.SubjectMaxLength);
        message.Property(m => m.Message).HasColumnName("message").HasMaxLength(ContactRules.MessageMaxLength);
        message.Property(m => m.ContentHash).HasColumnName("content_hash").HasMaxLength(64);
        message.Property(m => m.SentOn).HasColumnName("sent_on");
        message.Property(m => m.SentAt).HasColumnName("sent_at");
        message.Property(m => m.ClientAddress).HasColumnName("client_address").HasMaxLength(64);
        message.Property(m => m.CvFileName).HasColumnName("cv_file_name").HasMaxLength(ContactRules.FileNameMaxLength);
        message.Property(m => m.CvContentType).HasColumnName("cv_content_type").HasMaxLength(100);
        message.Property(m => m.Cv).HasColumnName("cv");
        message.Property(m => m.CvSha256).HasColumnName("cv_sha256").HasMaxLength(64);
        message.Property(m => m.DownloadToken).HasColumnName("download_token").HasMaxLength(64);

        // Twice the same message the same day is refused even when both arrive at once.
        message.HasIndex(m => new { m.OrganisationId, m.SenderEmail, m.ContentHash, m.SentOn }).IsUnique();
        message.HasIndex(m => new { m.SenderEmail, m.SentAt });
        message.HasIndex(m => new { m.OrganisationId, m.SentAt });
        message.HasIndex(m => new { m.ClientAddress, m.SentAt });
        message.HasIndex(m => m.SentAt);
    }
}
