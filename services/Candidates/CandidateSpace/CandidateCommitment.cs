using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;

namespace Nege.Candidates.CandidateSpace;

/// <summary>The changes of situation seed 004 (« Engagement de collaboration du candidat ») asks the candidate to report.</summary>
public enum CommitmentKind
{
    Interview,
    FoundJob,
    Unavailable,
    Training,
    NewSkills,
    WantsToStop,
}

/// <summary>One change of situation the candidate reported from their space, kept with the dossier.</summary>
public sealed class CandidateCommitment
{
    public const int DetailsMaxLength = 2_000;

    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public CommitmentKind Kind { get; init; }

    public string? Details { get; init; }

    public DateTimeOffset At { get; init; }

    public static string Code(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Interview => "interview",
        CommitmentKind.FoundJob => "found_job",
        CommitmentKind.Unavailable => "unavailable",
        CommitmentKind.Training => "training",
        CommitmentKind.NewSkills => "new_skills",
        CommitmentKind.WantsToStop => "wants_to_stop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The seed's words, in the candidate's first person.</summary>
    public static string Label(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Interview => "Je participe à des entretiens de recrutement",
        CommitmentKind.FoundJob => "J'ai trouvé un emploi",
        CommitmentKind.Unavailable => "Je suis momentanément indisponible pour le plan d'accompagnement",
        CommitmentKind.Training => "Je suis une formation non prévue dans le plan d'accompagnement",
        CommitmentKind.NewSkills => "J'ai acquis des compétences complémentaires",
        CommitmentKind.WantsToStop => "Je souhaite arrêter le plan d'accompagnement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static CommitmentKind? FromCode(string? code) =>
        Enum.GetValues<CommitmentKind>().Cast<CommitmentKind?>().FirstOrDefault(k => Code(k!.Value) == code?.Trim());

    /// <summary>A candidate who found a job or stops the plan is no longer someone companies should contact: the card leaves the pool.</summary>
    public static bool LeavesPool(CommitmentKind kind) => kind is CommitmentKind.FoundJob or CommitmentKind.WantsToStop;

    public static CommitmentView View(CandidateCommitment commitment) => new(commitment.Id, Code(commitment.Kind), Label(commitment.Kind), commitment.Details, commitment.At);
}

internal sealed class CandidateCommitmentConfiguration : IEntityTypeConfiguration<CandidateCommitment>
{
    public void Configure(EntityTypeBuilder<CandidateCommitment> commitment)
    {
        commitment.ToTable("candidate_commitments");
        commitment.HasKey(c => c.Id);
        commitment.Property(c => c.Id).HasColumnName("id");
        commitment.Property(c => c.DossierId).HasColumnName("dossier_id");
        commitment.HasIndex(c => new { c.DossierId, c.At });
        commitment.HasOne<Dossier>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
        commitment.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        commitment.Property(c => c.Details).HasColumnName("details").HasMaxLength(CandidateCommitment.DetailsMaxLength);
        commitment.Property(c => c.At).HasColumnName("at");
    }
}
