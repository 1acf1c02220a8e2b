using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// A person's account attached to their dossier: asked with the dossier's e-mail address, proved by the code sent
/// there (six digits, 30 minutes, five tries). One account, one dossier; one dossier, one account.
/// </summary>
public sealed class CandidateAttachment
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(30);

    public Guid AccountId { get; init; }

    public Guid DossierId { get; private set; }

    public string? CodeHash { get; private set; }

    public DateTimeOffset? CodeExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? AttachedAt { get; private set; }

    public bool Attached => AttachedAt is not null;

    /// <summary>When the person asked the pilot to confirm instead of a code; null once the pilot answered.</summary>
    public DateTimeOffset? PilotAskedAt { get; private set; }

    public string? RequesterName { get; private set; }

    public string? RequesterEmail { get; private set; }

    public string? PilotMessage { get; private set; }

    /// <summary>The pilot is to confirm that the dossier is the person's (any code sent before stops working).</summary>
    public void AskPilot(Guid dossierId, string name, string email, string? message, DateTimeOffset now)
    {
        DossierId = dossierId;
        CodeHash = null;
        CodeExpiresAt = null;
        Attempts = 0;
        RequestedAt = now;
        PilotAskedAt = now;
        RequesterName = name;
        RequesterEmail = email;
        PilotMessage = message;
    }

    public void DecidedByPilot(bool confirmed, DateTimeOffset now)
    {
        PilotAskedAt = null;
        PilotMessage = null;
        if (confirmed)
        {
            AttachedAt = now;
        }
    }

    /// <summary>A new code for this dossier (the previous one no longer works); the code itself is only in the e-mail.</summary>
    public string NewCode(Guid dossierId, DateTimeOffset now)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        DossierId = dossierId;
        CodeHash = HashOf(code);
        CodeExpiresAt = now + CodeLifetime;
        Attempts = 0;
        RequestedAt = now;
        return code;
    }

    /// <summary>Null when the code proves it (the dossier is attached), else why not in French.</summary>
    public string? Confirm(string code, DateTimeOffset now)
    {
        if (CodeHash is null || CodeExpiresAt is null || CodeExpiresAt <= now)
        {
            return "Ce code n'est plus valable : demandez-en un nouveau.";
        }

        if (Attempts >= MaxAttempts)
        {
            return "Trop d'essais : demandez un nouveau code.";
        }

        Attempts++;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(code.Trim())), Encoding.ASCII.GetBytes(CodeHash)))
        {
            return Attempts >= MaxAttempts ? "Code inexact, et c'était le dernier essai : demandez un nouveau code." : $"Code inexact ; il vous reste {MaxAttempts - Attempts} essai(s).";
        }

        AttachedAt = now;
        CodeHash = null;
        CodeExpiresAt = null;
        return null;
    }

    private static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

internal sealed class CandidateAttachmentConfiguration : IEntityTypeConfiguration<CandidateAttachment>
{
    public void Configure(EntityTypeBuilder<CandidateAttachment> attachment)
    {
        attachment.ToTable("candidate_attachments");
        attachment.HasKey(a => a.AccountId);
        attachment.Property(a => a.AccountId).HasColumnName("account_id").ValueGeneratedNever();
        attachment.Property(a => a.DossierId).HasColumnName("dossier_id");
        // One dossier, one account: only one attachment of a dossier may be proved.
        attachment.HasIndex(a => a.DossierId).IsUnique().HasFilter("attached_at IS NOT NULL");
        attachment.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        attachment.Property(a => a.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
        attachment.Property(a => a.CodeExpiresAt).HasColumnName("code_expires_at");
        attachment.Property(a => a.Attempts).HasColumnName("attempts");
        attachment.Property(a => a.RequestedAt).HasColumnName("requested_at");
        attachment.Property(a => a.AttachedAt).HasColumnName("attached_at");
        attachment.Property(a => a.PilotAskedAt).HasColumnName("pilot_asked_at");
        attachment.Property(a => a.RequesterName).HasColumnName("requester_name").HasMaxLength(250);
        attachment.Property(a => a.RequesterEmail).HasColumnName("requester_email").HasMaxLength(254);
        attachment.Property(a => a.PilotMessage).HasColumnName("pilot_message").HasMaxLength(CandidateCommitment.DetailsMaxLength);
        attachment.Ignore(a => a.Attached);
    }
}
