using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Data;

namespace Nege.Candidates.CandidateSpace;

/// <summary>What a candidate may ask of the association about their data (seed 004).</summary>
public enum RightsRequestKind
{
    /// <summary>A correction of the commission's analyses, which the candidate cannot edit themselves.</summary>
    Correction,

    /// <summary>« vous opposer au traitement des données vous concernant ».</summary>
    Objection,

    /// <summary>« la clôture et la suppression de votre dossier ».</summary>
    Erasure,
}

public enum RightsRequestState
{
    Open,
    Accepted,
    Refused,
}

/// <summary>
/// A candidate's request, which the territory's pilot answers within one month (GDPR article 12.3): due one month after
/// it is made, the pilots reminded once seven days before, flagged overdue after.
/// </summary>
public sealed class RightsRequest
{
    public const int TextMaxLength = 2_000;
    public const int ReminderDaysBefore = 7;

    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public RightsRequestKind Kind { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last day (Paris) for the answer.</summary>
    public DateOnly DueOn { get; init; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public RightsRequestState State { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static RightsRequest Make(Guid dossierId, RightsRequestKind kind, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DossierId = dossierId,
        Kind = kind,
        Reason = reason,
        CreatedAt = now,
        DueOn = ParisTime.DateOf(now).AddMonths(1),
        State = RightsRequestState.Open,
    };

    public bool IsOverdue(DateOnly today) => State == RightsRequestState.Open && today > DueOn;

    /// <summary>The first day the pilots are reminded of it.</summary>
    public static DateOnly ReminderFrom(DateOnly dueOn) => dueOn.AddDays(-ReminderDaysBefore);

    public void Reminded(DateTimeOffset now) => RemindedAt = now;

    public void Decide(bool accepted, string? answer, string by, DateTimeOffset now)
    {
        State = accepted ? RightsRequestState.Accepted : RightsRequestState.Refused;
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = now;
    }

    public static string Code(RightsRequestKind kind) => kind switch
    {
        RightsRequestKind.Correction => "correction",
        RightsRequestKind.Objection => "objection",
        RightsRequestKind.Erasure => "erasure",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Read by the candidate and by the pilot alike: in neither's first person.</summary>
    public static string Label(RightsRequestKind kind) => kind switch
    {
        RightsRequestKind.Correction => "Correction des analyses de la commission",
        RightsRequestKind.Objection => "Opposition au traitement des données",
        RightsRequestKind.Erasure => "Clôture et suppression du dossier",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RightsRequestKind? FromCode(string? code) =>
        Enum.GetValues<RightsRequestKind>().Cast<RightsRequestKind?>().FirstOrDefault(k => Code(k!.Value) == code?.Trim());

    public static string Code(RightsRequestState state) => state switch
    {
        RightsRequestState.Open => "open",
        RightsRequestState.Accepted => "accepted",
        RightsRequestState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Label(RightsRequestState state) => state switch
    {
        RightsRequestState.Open => "En attente de réponse",
        RightsRequestState.Accepted => "Acceptée",
        RightsRequestState.Refused => "Refusée",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static RightsRequestView View(RightsRequest request, DateOnly today) => new(
        request.Id, Code(request.Kind), Label(request.Kind), request.Reason, Code(request.State), Label(request.State), request.CreatedAt, request.DueOn,
        request.IsOverdue(today), request.Answer, request.AnsweredBy, request.AnsweredAt);
}

internal sealed class RightsRequestConfiguration : IEntityTypeConfiguration<RightsRequest>
{
    public void Configure(EntityTypeBuilder<RightsRequest> request)
    {
        request.ToTable("rights_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).HasColumnName("id");
        request.Property(r => r.DossierId).HasColumnName("dossier_id");
        request.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        // One open request of each kind per dossier: a second would be the same question twice.
        request.HasIndex(r => new { r.DossierId, r.Kind }).IsUnique().HasFilter("state = 'Open'");
        request.HasIndex(r => new { r.State, r.DueOn });
        request.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(RightsRequest.TextMaxLength);
        request.Property(r => r.CreatedAt).HasColumnName("created_at");
        request.Property(r => r.DueOn).HasColumnName("due_on");
        request.Property(r => r.RemindedAt).HasColumnName("reminded_at");
        request.Property(r => r.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Answer).HasColumnName("answer").HasMaxLength(RightsRequest.TextMaxLength);
        request.Property(r => r.AnsweredBy).HasColumnName("answered_by").HasMaxLength(250);
        request.Property(r => r.AnsweredAt).HasColumnName("answered_at");
    }
}
