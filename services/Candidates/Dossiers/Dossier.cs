using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Candidates.Dossiers;

/// <summary>
/// One person's dossier: sent by an employment partner, qualified by the commission of its territory.
/// Its contents (seed 004's domains) are one document; the columns beside it are what the platform
/// looks dossiers up by (the person's keys, the territory, the status).
/// </summary>
public sealed class Dossier
{
    public Guid Id { get; init; }

    /// <summary>A short number for people (« D-000042 »), from a sequence.</summary>
    public long Number { get; init; }

    public string NumberText => FormatNumber(Number);

    public DossierStatus Status { get; private set; }

    public DateTimeOffset StatusSince { get; private set; }

    public string? Territory { get; private set; }

    /// <summary>The contents, normalised; stored as the API's own shape of them.</summary>
    public DossierContentView Content { get; private set; } = null!;

    public string EmailKey { get; private set; } = "";

    public string? NameKey { get; private set; }

    /// <summary>RQTH/BOE is health data: reading a dossier that holds it is audited as such.</summary>
    public bool HasHealthData { get; private set; }

    /// <summary>Which plan the commission found needed (seed 004): « APE » or « PIADC ».</summary>
    public string? AccompanimentPlan { get; private set; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The last activity on the dossier: its contents, its status, an analysis or a recommendation.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The last update the retention warning was sent for: an update since brings a new warning later.</summary>
    public DateTimeOffset? RetentionWarnedFor { get; private set; }

    public List<DossierPartner> Partners { get; init; } = [];

    public List<DossierTransition> Transitions { get; init; } = [];

    public static string FormatNumber(long number) => $"D-{number:000000}";

    /// <summary>« D-000123 » (or « d-123 », « 123 ») as its number; null when it is not one.</summary>
    public static long? ParseNumber(string? text)
    {
        var digits = text?.Trim();
        if (digits is [ 'D' or 'd', '-', .. ])
        {
            digits = digits[2..];
        }

        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }

    public static Dossier Submit(DossierContentView content, string? territory, DossierPartner submitter, DossierActor by, DateTimeOffset now)
    {
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(now),
            Status = DossierStatus.Submitted,
            StatusSince = now,
            SubmittedAt = now,
            Partners = [submitter],
        };
        dossier.Replace(content, territory, now);
        dossier.Transitions.Add(DossierTransition.Record(dossier.Id, null, DossierStatus.Submitted, by, null, now));
        return dossier;
    }

    public void Replace(DossierContentView content, string? territory, DateTimeOffset now)
    {
        Content = content;
        Territory = territory;
        EmailKey = DossierRules.EmailKey(content.Identification.Email);
        NameKey = DossierRules.NameKey(content.Identification.LastName, content.Identification.FirstName, content.Identification.BirthDate);
        HasHealthData = content.Context.Situations.Contains(CandidateForm.EmploymentObligation);
        UpdatedAt = now;
    }

    /// <summary>
    /// A document was added or removed: an update of the dossier while it is open. A closed or
    /// withdrawn dossier keeps its date, so that removing a document from it never prolongs how long
    /// the rest is kept (seed 004: 36 months from the last update).
    /// </summary>
    public void DocumentsChanged(DateTimeOffset now)
    {
        if (DossierLifeCycle.IsOpen(Status))
        {
            UpdatedAt = now;
        }
    }

    /// <summary>Moves the dossier along its life cycle, logged; null when the move is allowed, else why not (in French).</summary>
    public string? Move(DossierStatus to, DossierActor by, string? reason, DateTimeOffset now, string? plan = null)
    {
        if (!DossierLifeCycle.CanMove(Status, to))
        {
            return DossierLifeCycle.WhyNot(Status, to);
        }

        if (to == DossierStatus.AccompanimentPlanNeeded)
        {
            AccompanimentPlan = plan;
        }

        Transitions.Add(DossierTransition.Record(Id, Status, to, by, reason, now));
        Status = to;
        StatusSince = now;
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// An admin gives the dossier to a territory's commission (one outside every territory, or to change
    /// it), written in the log without a change of status; false when it already was that territory's.
    /// </summary>
    public bool Dispatch(string territory, DossierActor by, DateTimeOffset now)
    {
        if (Territory == territory)
        {
            return false;
        }

        var reason = Territory is null ? $"Confié à la commission {territory}." : $"Confié à la commission {territory} (auparavant : {Territory}).";
        Transitions.Add(DossierTransition.Record(Id, Status, Status, by, reason, now));
        Territory = territory;
        UpdatedAt = now;
        return true;
    }

    public void RetentionWarned() => RetentionWarnedFor = UpdatedAt;

    /// <summary>Something was added to the dossier (an analysis, a recommendation): it is active.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>The advisers of the partners that submitted or follow the dossier, each once: the people its e-mails go to.</summary>
    public IReadOnlyList<Recipient> AdviserRecipients() =>
        [.. Partners.Select(p => p.Adviser).OfType<AdviserView>().DistinctBy(a => a.Email, StringComparer.OrdinalIgnoreCase).Select(a => new Recipient(a.Name, a.Email))];

    public DossierPartner? PartnerOf(Guid organisationId) => Partners.FirstOrDefault(p => p.OrganisationId == organisationId);
}

public enum PartnerRelation
{
    Submitter,
    Follower,
}

/// <summary>An employment partner's organisation that submitted the dossier, or follows it (it sent the same person later).</summary>
public sealed class DossierPartner
{
    public Guid DossierId { get; init; }

    public Guid OrganisationId { get; init; }

    public PartnerRelation Relation { get; init; }

    /// <summary>« Matricule »: this partner's own reference for the person.</summary>
    public string? PartnerReference { get; set; }

    /// <summary>The partner's client that sent it (its system), or null when an adviser did in the extranet.</summary>
    public string? ClientId { get; init; }

    /// <summary>The partner's adviser who follows the candidate: told by e-mail of each status change.</summary>
    public string? AdviserName { get; private set; }

    public string? AdviserEmail { get; private set; }

    public AdviserView? Adviser => AdviserName is null || AdviserEmail is null ? null : new AdviserView(AdviserName, AdviserEmail);

    /// <summary>A new adviser replaces the one recorded; none given keeps it.</summary>
    public void FollowedBy(AdviserView? adviser)
    {
        if (adviser is not null)
        {
            AdviserName = adviser.Name;
            AdviserEmail = adviser.Email;
        }
    }

    public DateTimeOffset Since { get; init; }
}

public enum DossierActorKind
{
    PartnerClient,
    Person,
    System,
}

/// <summary>Who did something to a dossier: a partner's system, a person (by account), or the platform itself.</summary>
public sealed record DossierActor(DossierActorKind Kind, string Id, string Name);

/// <summary>One line of the transition log: append-only.</summary>
public sealed class DossierTransition
{
    public long Id { get; init; }

    public Guid DossierId { get; init; }

    public DossierStatus? From { get; init; }

    public DossierStatus To { get; init; }

    public DateTimeOffset At { get; init; }

    public DossierActorKind ByKind { get; init; }

    public required string ById { get; init; }

    public required string ByName { get; init; }

    public string? Reason { get; init; }

    public static DossierTransition Record(Guid dossierId, DossierStatus? from, DossierStatus to, DossierActor by, string? reason, DateTimeOffset at) => new()
    {
        DossierId = dossierId,
        From = from,
        To = to,
        At = at,
        ByKind = by.Kind,
        ById = by.Id,
        ByName = by.Name,
        Reason = reason,
    };
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public const string NumberSequence = "dossier_numbers";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        dossier.ToTable("dossiers");
        dossier.HasKey(d => d.Id);
        dossier.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        dossier.Property(d => d.Number).HasColumnName("number").HasDefaultValueSql($"nextval('{NumberSequence}')");
        dossier.HasIndex(d => d.Number).IsUnique();
        dossier.Ignore(d => d.NumberText);
        dossier.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(40);
        dossier.Property(d => d.StatusSince).HasColumnName("status_since");
        dossier.Property(d => d.Territory).HasColumnName("territory").HasMaxLength(40);
        dossier.Property(d => d.Content).HasColumnName("content").HasColumnType("jsonb")
            .HasConversion(
                content => JsonSerializer.Serialize(content, Json),
                json => JsonSerializer.Deserialize<DossierContentView>(json, Json)!,
                new ValueComparer<DossierContentView>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    content => JsonSerializer.Serialize(content, Json).GetHashCode(StringComparison.Ordinal),
                    content => JsonSerializer.Deserialize<DossierContentView>(JsonSerializer.Serialize(content, Json), Json)!));
        dossier.Property(d => d.EmailKey).HasColumnName("email_key").HasMaxLength(254);
        dossier.HasIndex(d => d.EmailKey);
        dossier.Property(d => d.NameKey).HasColumnName("name_key").HasMaxLength(260);
        dossier.HasIndex(d => d.NameKey);
        dossier.Property(d => d.HasHealthData).HasColumnName("has_health_data");
        dossier.Property(d => d.AccompanimentPlan).HasColumnName("accompaniment_plan").HasMaxLength(10);
        dossier.Property(d => d.SubmittedAt).HasColumnName("submitted_at");
        dossier.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        dossier.HasIndex(d => d.UpdatedAt);
        dossier.Property(d => d.RetentionWarnedFor).HasColumnName("retention_warned_for");
        dossier.HasIndex(d => new { d.Territory, d.Status });
        dossier.HasMany(d => d.Partners).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        dossier.HasMany(d => d.Transitions).WithOne().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierPartnerConfiguration : IEntityTypeConfiguration<DossierPartner>
{
    public void Configure(EntityTypeBuilder<DossierPartner> partner)
    {
        partner.ToTable("dossier_partners");
        partner.HasKey(p => new { p.DossierId, p.OrganisationId });
        partner.Property(p => p.DossierId).HasColumnName("dossier_id");
        partner.Property(p => p.OrganisationId).HasColumnName("organisation_id");
        partner.HasIndex(p => p.OrganisationId);
        partner.Property(p => p.Relation).HasColumnName("relation").HasConversion<string>().HasMaxLength(20);
        partner.Property(p => p.PartnerReference).HasColumnName("partner_reference").HasMaxLength(DossierRules.NameMaxLength);
        partner.Property(p => p.ClientId).HasColumnName("client_id").HasMaxLength(100);
        partner.Property(p => p.Since).HasColumnName("since");
        // An adviser in the extranet is named as their account is: first and last names of up to 100 characters each.
        partner.Property(p => p.AdviserName).HasColumnName("adviser_name").HasMaxLength(250);
        partner.Property(p => p.AdviserEmail).HasColumnName("adviser_email").HasMaxLength(254);
        partner.Ignore(p => p.Adviser);
    }
}

internal sealed class DossierTransitionConfiguration : IEntityTypeConfiguration<DossierTransition>
{
    public void Configure(EntityTypeBuilder<DossierTransition> transition)
    {
        transition.ToTable("dossier_transitions");
        transition.HasKey(t => t.Id);
        transition.Property(t => t.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        transition.Property(t => t.DossierId).HasColumnName("dossier_id");
        transition.HasIndex(t => t.DossierId);
        transition.Property(t => t.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(40);
        transition.Property(t => t.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(40);
        transition.Property(t => t.At).HasColumnName("at");
        transition.Property(t => t.ByKind).HasColumnName("by_kind").HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.ById).HasColumnName("by_id").HasMaxLength(100);
        transition.Property(t => t.ByName).HasColumnName("by_name").HasMaxLength(200);
        transition.Property(t => t.Reason).HasColumnName("reason").HasMaxLength(DossierRules.LongTextMaxLength);
    }
}
