using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Data;

namespace Nege.Membership.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Accepted,
    Refused,
}

/// <summary>
/// An organisation's membership application: a draft while its referent fills the two parts, then
/// submitted to the board, then accepted (the organisation becomes a member) or refused (kept for the
/// retention period, then erased).
/// </summary>
public sealed class MembershipApplication
{
    public Guid Id { get; init; }

    public ApplicationStatus Status { get; set; }

    /// <summary>The SHA-256 of the draft key given once to the applicant's browser (the key itself is never stored).</summary>
    public required string KeyHash { get; init; }

    /// <summary>The person who fills the form: « Référent de l'organisme ».</summary>
    public Guid ReferentAccountId { get; init; }

    public DateTimeOffset ConsentGivenAt { get; init; }

    /// <summary>Part 2, « Organisme », as far as it is filled.</summary>
    public OrganisationDraft Organisation { get; set; } = OrganisationDraft.Empty;

    /// <summary>The organisation's name upper-cased once submitted: at most one open application per organisation.</summary>
    public string? NormalizedOrganisationName { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The 15-day target, as a Europe/Paris date.</summary>
    public DateOnly? DecisionDueOn { get; set; }

    public DateOnly? BoardMeetingDate { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByAccountId { get; set; }

    public string? DecidedByName { get; set; }

    /// <summary>The member organisation created when the application was accepted.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>When a refused application is to be erased.</summary>
    public DateTimeOffset? EraseAfter { get; set; }

    /// <summary>A new draft for the referent's account, and the key that opens it (only its hash is stored).</summary>
    public static (MembershipApplication Application, string Key) NewDraft(Guid referentAccountId, DateTimeOffset now)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var application = new MembershipApplication
        {
            Id = Guid.CreateVersion7(now),
            Status = ApplicationStatus.Draft,
            KeyHash = AccountToken.Hash(key),
            ReferentAccountId = referentAccountId,
            ConsentGivenAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (application, key);
    }

    /// <summary>Whether <paramref name="key"/> is the one given at the draft's creation (compared in constant time).</summary>
    public bool OpensWith(string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AccountToken.Hash(key.Trim())), Encoding.ASCII.GetBytes(KeyHash));

    /// <summary>Sent to the board: the 15-day target starts, and the organisation's name is reserved while it is open.</summary>
    public void Submit(DateTimeOffset now)
    {
        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        DecisionDueOn = ParisTime.DateOf(now).AddDays(MembershipForm.DecisionTargetDays);
        NormalizedOrganisationName = Account.Normalize(Organisation.Name!);
    }

    /// <summary>The board's decision; a refused application is kept for <paramref name="refusedRetention"/>.</summary>
    public void Decide(
        bool accepted, DateOnly boardMeetingDate, string? reason, Guid? byAccountId, string byName, DateTimeOffset now, TimeSpan refusedRetention)
    {
        Status = accepted ? ApplicationStatus.Accepted : ApplicationStatus.Refused;
        BoardMeetingDate = boardMeetingDate;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedAt = now;
        DecidedByAccountId = byAccountId;
        DecidedByName = byName;
        UpdatedAt = now;
        // The name stays reserved while an application is open, and no longer.
        NormalizedOrganisationName = null;
        if (!accepted)
        {
            EraseAfter = now + refusedRetention;
        }
    }
}

/// <summary>Part 2 of the form as saved: every answer optional until submission.</summary>
public sealed record OrganisationDraft(
    string? Name,
    string? Category,
    string? RegionalHeadOffice,
    Guid? LogoImageId,
    string? Presentation,
    string? Website,
    bool? DigitalSector,
    string? CompanyType,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    Guid? AffiliationOrganisationId,
    Guid? HrContactAccountId,
    StartupDraft? Startup,
    PerimeterDraft? Perimeter,
    bool DelegationCommitment,
    bool StatutesCommitment)
{
    public static readonly OrganisationDraft Empty = new(
        null, null, null, null, null, null, null, null, [], [], [], null, null, null, null, false, false);
}

public sealed record StartupDraft(DateOnly? CreationDate, int? Headcount, string? TurnoverBand, bool SyntecStartupPack);

public sealed record PerimeterDraft(int? Alsace, int? ChampagneArdenne, int? Lorraine);

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MembershipApplication> application)
    {
        application.ToTable("membership_applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        application.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(30);
        application.Property(a => a.KeyHash).HasColumnName("key_hash").HasMaxLength(64);
        application.Property(a => a.ReferentAccountId).HasColumnName("referent_account_id");
        application.HasOne<Accounts.Account>().WithMany().HasForeignKey(a => a.ReferentAccountId).OnDelete(DeleteBehavior.Cascade);
        application.HasIndex(a => a.ReferentAccountId);
        application.Property(a => a.ConsentGivenAt).HasColumnName("consent_given_at");
        application.Property(a => a.Organisation).HasColumnName("organisation").HasColumnType("jsonb")
            .HasConversion(
                draft => JsonSerializer.Serialize(draft, Json),
                json => JsonSerializer.Deserialize<OrganisationDraft>(json, Json) ?? OrganisationDraft.Empty);
        application.Property(a => a.NormalizedOrganisationName).HasColumnName("normalized_organisation_name").HasMaxLength(200);
        // One open (submitted, undecided) application per organisation name, even under concurrent submissions.
        application.HasIndex(a => a.NormalizedOrganisationName).IsUnique().HasFilter("status = 'Submitted'");
        application.Property(a => a.CreatedAt).HasColumnName("created_at");
        application.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        application.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        application.Property(a => a.DecisionDueOn).HasColumnName("decision_due_on");
        application.Property(a => a.BoardMeetingDate).HasColumnName("board_meeting_date");
        application.Property(a => a.DecisionReason).HasColumnName("decision_reason").HasMaxLength(2000);
        application.Property(a => a.DecidedAt).HasColumnName("decided_at");
        application.Property(a => a.DecidedByAccountId).HasColumnName("decided_by_account_id");
        application.Property(a => a.DecidedByName).HasColumnName("decided_by_name").HasMaxLength(200);
        application.Property(a => a.OrganisationId).HasColumnName("organisation_id");
        application.Property(a => a.EraseAfter).HasColumnName("erase_after");
        application.HasIndex(a => a.EraseAfter);
    }
}
