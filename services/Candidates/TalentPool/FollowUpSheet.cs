using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.TalentPool;

public enum FollowUpStatus
{
    Open,
    Hired,
    Ended,
}

public enum FollowUpKind
{
    Interview,
    Proposal,
    Hire,
    End,
}

/// <summary>
/// The follow-up sheet (« fiche de suivi », seed 000) an interested company keeps of a recruitment: opened when the
/// candidate agreed to be contacted; the pilot and the partners read it. A sheet without news for
/// <see cref="FollowUpOptions.ReminderDays"/> days brings its recruiter a reminder.
/// </summary>
public sealed class FollowUpSheet
{
    /// <summary>One sheet per interest: its id is the interest's.</summary>
    public Guid InterestId { get; init; }

    public Guid DossierId { get; init; }

    public FollowUpStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The last line added (or the opening): the reminders count from it.</summary>
    public DateTimeOffset LastNewsAt { get; private set; }

    /// <summary>When the last reminder went: one per silence, a new line starts a new one.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public List<FollowUpEntry> Entries { get; init; } = [];

    public static FollowUpSheet Open(Interest interest, DateTimeOffset now) =>
        new() { InterestId = interest.Id, DossierId = interest.DossierId, Status = FollowUpStatus.Open, OpenedAt = now, LastNewsAt = now };

    /// <summary>Adds a line; a hire or an end closes the sheet.</summary>
    public void Add(FollowUpEntry entry, DateTimeOffset now)
    {
        Entries.Add(entry);
        LastNewsAt = now;
        Status = entry.Kind switch
        {
            FollowUpKind.Hire => FollowUpStatus.Hired,
            FollowUpKind.End => FollowUpStatus.Ended,
            _ => Status,
        };
    }

    public void Reminded(DateTimeOffset now) => RemindedAt = now;

    public static string Code(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "open",
        FollowUpStatus.Hired => "hired",
        FollowUpStatus.Ended => "ended",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Recrutement en cours",
        FollowUpStatus.Hired => "Candidat recruté",
        FollowUpStatus.Ended => "Recrutement arrêté",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>One line of a follow-up sheet: an interview, a proposal, the hire or the end.</summary>
public sealed class FollowUpEntry
{
    public long Id { get; init; }

    public Guid InterestId { get; init; }

    public FollowUpKind Kind { get; init; }

    public DateOnly Date { get; init; }

    public string? InterviewKind { get; init; }

    public string? Outcome { get; init; }

    public string? ContractType { get; init; }

    public DateOnly? StartDate { get; init; }

    public string? Reason { get; init; }

    public required string AuthorName { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

public sealed class FollowUpOptions
{
    public const string Section = "Candidates:FollowUps";

    /// <summary>A sheet without news for this many days reminds its company (the default: 21).</summary>
    public int ReminderDays { get; set; } = 21;
}

public static class FollowUpRules
{
    public static readonly IReadOnlyList<string> InterviewKinds = ["Téléphone", "Visioconférence", "Sur site"];

    public static string Code(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Interview => "interview",
        FollowUpKind.Proposal => "proposal",
        FollowUpKind.Hire => "hire",
        FollowUpKind.End => "end",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Interview => "Entretien",
        FollowUpKind.Proposal => "Proposition",
        FollowUpKind.Hire => "Recrutement",
        FollowUpKind.End => "Fin sans recrutement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The line, or the per-field reasons (in French) it cannot be written.</summary>
    public static (FollowUpEntry? Entry, ValidationErrors Errors) Validate(FollowUpEntryRequest request, string author, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        FollowUpKind? kind = request.Kind?.Trim() switch
        {
            "interview" => FollowUpKind.Interview,
            "proposal" => FollowUpKind.Proposal,
            "hire" => FollowUpKind.Hire,
            "end" => FollowUpKind.End,
            _ => null,
        };
        errors.AddIf(kind is null, "kind", "Le type de ligne doit être « interview » (entretien), « proposal » (proposition), « hire » (recrutement) ou « end » (fin sans recrutement).");
        var date = request.Date ?? today;
        errors.AddIf(request.Date is { } d && (d < today.AddYears(-1) || d > today.AddYears(1)), "date", "La date doit être dans l'année écoulée ou l'année qui vient.");
        var interviewKind = request.InterviewKind?.Trim();
        var outcome = DossierRules.Optional(errors, "outcome", request.Outcome, "Le compte rendu", DossierRules.LongTextMaxLength);
        var contract = request.ContractType?.Trim();
        var reason = DossierRules.Optional(errors, "reason", request.Reason, "Le motif", DossierRules.LongTextMaxLength);
        switch (kind)
        {
            case FollowUpKind.Interview:
                errors.AddIf(request.Date is null, "date", "La date de l'entretien est obligatoire.");
                errors.AddIf(interviewKind is null || !InterviewKinds.Contains(interviewKind), "interviewKind",
                    $"Le type d'entretien doit être l'un de : {DossierRules.Choices(InterviewKinds)}.");
                break;
            case FollowUpKind.Proposal:
                errors.AddIf(outcome is null, "outcome", "Décrivez la proposition faite au candidat (poste, contrat, rémunération…).");
                break;
            case FollowUpKind.Hire:
                errors.AddIf(contract is null || !CandidateForm.ContractTypes.Contains(contract), "contractType",
                    $"Le type de contrat doit être l'un de : {DossierRules.Choices(CandidateForm.ContractTypes)}.");
                errors.AddIf(request.StartDate is null, "startDate", "La date d'embauche est obligatoire.");
                break;
            case FollowUpKind.End:
                errors.AddIf(reason is null, "reason", "Dites pourquoi le recrutement s'arrête.");
                break;
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        return (new FollowUpEntry
        {
            Kind = kind!.Value,
            Date = date,
            InterviewKind = kind == FollowUpKind.Interview ? interviewKind : null,
            Outcome = outcome,
            ContractType = kind == FollowUpKind.Hire ? contract : null,
            StartDate = kind == FollowUpKind.Hire ? request.StartDate : null,
            Reason = kind == FollowUpKind.End ? reason : null,
            AuthorName = author,
            RecordedAt = now,
        }, errors);
    }

    public static FollowUpSheetView View(FollowUpSheet sheet, string organisationName) => new(
        sheet.InterestId, organisationName, FollowUpSheet.Code(sheet.Status), FollowUpSheet.Label(sheet.Status), sheet.OpenedAt, sheet.LastNewsAt,
        [.. sheet.Entries.OrderBy(e => e.Id).Select(e => new FollowUpEntryView(
            e.Id, Code(e.Kind), Label(e.Kind), e.Date, e.InterviewKind, e.Outcome, e.ContractType, e.StartDate, e.Reason, e.AuthorName, e.RecordedAt))]);
}

internal sealed class FollowUpSheetConfiguration : IEntityTypeConfiguration<FollowUpSheet>
{
    public void Configure(EntityTypeBuilder<FollowUpSheet> sheet)
    {
        sheet.ToTable("follow_up_sheets");
        sheet.HasKey(s => s.InterestId);
        sheet.Property(s => s.InterestId).HasColumnName("interest_id").ValueGeneratedNever();
        sheet.HasOne<Interest>().WithOne().HasForeignKey<FollowUpSheet>(s => s.InterestId).OnDelete(DeleteBehavior.Cascade);
        sheet.Property(s => s.DossierId).HasColumnName("dossier_id");
        sheet.HasIndex(s => s.DossierId);
        sheet.Property(s => s.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        sheet.HasIndex(s => new { s.Status, s.LastNewsAt });
        sheet.Property(s => s.OpenedAt).HasColumnName("opened_at");
        sheet.Property(s => s.LastNewsAt).HasColumnName("last_news_at");
        sheet.Property(s => s.RemindedAt).HasColumnName("reminded_at");
        sheet.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.InterestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> entry)
    {
        entry.ToTable("follow_up_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        entry.Property(e => e.InterestId).HasColumnName("interest_id");
        entry.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Date).HasColumnName("date");
        entry.Property(e => e.InterviewKind).HasColumnName("interview_kind").HasMaxLength(40);
        entry.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(DossierRules.LongTextMaxLength);
        entry.Property(e => e.ContractType).HasColumnName("contract_type").HasMaxLength(40);
        entry.Property(e => e.StartDate).HasColumnName("start_date");
        entry.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(DossierRules.LongTextMaxLength);
        entry.Property(e => e.AuthorName).HasColumnName("author_name").HasMaxLength(250);
        entry.Property(e => e.RecordedAt).HasColumnName("recorded_at");
    }
}
