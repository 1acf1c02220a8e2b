using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Candidates.TalentPool;

public enum InterestStatus
{
    Pending,
    Agreed,
    Declined,
}

/// <summary>Who gave the candidate's answer to a company's interest.</summary>
public enum InterestAnswerer
{
    Candidate,
    Pilot,
}

/// <summary>
/// A member company's interest in a candidate's card, and the candidate's answer. Until the candidate agrees, the
/// company knows only the card; then it reads the contact details and documents, each reading audited.
/// </summary>
public sealed class Interest
{
    public const int MessageMaxLength = 2_000;

    /// <summary>How long the candidate's link to answer stays good.</summary>
    public static readonly TimeSpan AnswerLinkLifetime = TimeSpan.FromDays(30);

    public Guid Id { get; init; }

    public Guid CardId { get; init; }

    public Guid DossierId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public Guid RecruiterAccountId { get; init; }

    public required string RecruiterName { get; init; }

    public required string RecruiterEmail { get; init; }

    public required string Message { get; init; }

    public InterestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public InterestAnswerer? AnsweredBy { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>SHA-256 of the token in the candidate's link: the token itself is only in the e-mail.</summary>
    public required string AnswerTokenHash { get; init; }

    public DateTimeOffset AnswerTokenExpiresAt { get; init; }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Records the answer; false when there already was one.</summary>
    public bool Answer(bool agreed, InterestAnswerer by, string byName, DateTimeOffset now)
    {
        if (Status != InterestStatus.Pending)
        {
            return false;
        }

        Status = agreed ? InterestStatus.Agreed : InterestStatus.Declined;
        AnsweredAt = now;
        AnsweredBy = by;
        AnsweredByName = byName;
        return true;
    }

    public static string Code(InterestStatus status) => status switch
    {
        InterestStatus.Pending => "pending",
        InterestStatus.Agreed => "agreed",
        InterestStatus.Declined => "declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(InterestStatus status) => status switch
    {
        InterestStatus.Pending => "En attente de la réponse du candidat",
        InterestStatus.Agreed => "Le candidat accepte d'être contacté",
        InterestStatus.Declined => "Le candidat ne souhaite pas être contacté",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class InterestConfiguration : IEntityTypeConfiguration<Interest>
{
    public void Configure(EntityTypeBuilder<Interest> interest)
    {
        interest.ToTable("interests");
        interest.HasKey(i => i.Id);
        interest.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        interest.Property(i => i.CardId).HasColumnName("card_id");
        interest.Property(i => i.DossierId).HasColumnName("dossier_id");
        interest.HasOne<Dossiers.Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Cascade);
        interest.HasIndex(i => i.DossierId);
        interest.Property(i => i.OrganisationId).HasColumnName("organisation_id");
        // One interest per company and card: a second recruiter of the same company finds the first's.
        interest.HasIndex(i => new { i.CardId, i.OrganisationId }).IsUnique();
        interest.HasIndex(i => i.OrganisationId);
        interest.Property(i => i.OrganisationName).HasColumnName("organisation_name").HasMaxLength(200);
        interest.Property(i => i.RecruiterAccountId).HasColumnName("recruiter_account_id");
        interest.Property(i => i.RecruiterName).HasColumnName("recruiter_name").HasMaxLength(250);
        interest.Property(i => i.RecruiterEmail).HasColumnName("recruiter_email").HasMaxLength(254);
        interest.Property(i => i.Message).HasColumnName("message").HasMaxLength(Interest.MessageMaxLength);
        interest.Property(i => i.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        interest.Property(i => i.CreatedAt).HasColumnName("created_at");
        interest.Property(i => i.AnsweredAt).HasColumnName("answered_at");
        interest.Property(i => i.AnsweredBy).HasColumnName("answered_by").HasConversion<string>().HasMaxLength(20);
        interest.Property(i => i.AnsweredByName).HasColumnName("answered_by_name").HasMaxLength(250);
        interest.Property(i => i.AnswerTokenHash).HasColumnName("answer_token_hash").HasMaxLength(64);
        interest.HasIndex(i => i.AnswerTokenHash).IsUnique();
        interest.Property(i => i.AnswerTokenExpiresAt).HasColumnName("answer_token_expires_at");
    }
}
