using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Candidates.Commission;

/// <summary>A person of a territorial commission (seed 000: « pilotes » and « professionnels d'entreprises »), put there by an admin.</summary>
public sealed class TerritoryMember
{
    public required string Territory { get; init; }

    public Guid AccountId { get; init; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    /// <summary>A pilot records the commission's decisions and receives its reminders.</summary>
    public bool Pilot { get; set; }

    public DateTimeOffset Since { get; init; }
}

public static class TerritoryPilots
{
    /// <summary>Who a territory's e-mails go to: its pilots, by name.</summary>
    public static Task<List<Recipient>> PilotsOfAsync(this CandidatesDbContext db, string territory, CancellationToken cancellationToken) =>
        db.TerritoryMembers.AsNoTracking().Where(m => m.Territory == territory && m.Pilot)
            .OrderBy(m => m.DisplayName).Select(m => new Recipient(m.DisplayName, m.Email)).ToListAsync(cancellationToken);
}

public enum AnalysisKind
{
    CvAnalysis,
    AdviceInterview,
}

/// <summary>A CV analysis or an advice-interview report, signed by the commission member who wrote it.</summary>
public sealed class DossierAnalysis
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public AnalysisKind Kind { get; init; }

    /// <summary>The skills grid of the dossier, assessed by the author.</summary>
    public IReadOnlyList<SkillView> Skills { get; init; } = [];

    public string? Strengths { get; init; }

    public string? PointsToWork { get; init; }

    public string? Text { get; init; }

    public Guid AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public DateTimeOffset At { get; init; }

    public static string Code(AnalysisKind kind) => kind == AnalysisKind.CvAnalysis ? "cv_analysis" : "advice_interview";

    public static string Label(AnalysisKind kind) => kind == AnalysisKind.CvAnalysis ? "Analyse du CV" : "Compte-rendu d'entretien conseil";
}

public enum RecommendationTopic
{
    ProfessionalProject,
    JobSearch,
}

/// <summary>A recommendation on the candidate's professional project or job search (seed 004: « des recommandations »).</summary>
public sealed class DossierRecommendation
{
    public Guid Id { get; init; }

    public Guid DossierId { get; init; }

    public RecommendationTopic Topic { get; init; }

    public required string Text { get; init; }

    public Guid AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public DateTimeOffset At { get; init; }

    public static string Code(RecommendationTopic topic) => topic == RecommendationTopic.ProfessionalProject ? "professional_project" : "job_search";

    public static string Label(RecommendationTopic topic) =>
        topic == RecommendationTopic.ProfessionalProject ? "Projet professionnel" : "Démarche de recherche d'emploi";
}

internal sealed class TerritoryMemberConfiguration : IEntityTypeConfiguration<TerritoryMember>
{
    public void Configure(EntityTypeBuilder<TerritoryMember> member)
    {
        member.ToTable("territory_members");
        member.HasKey(m => new { m.Territory, m.AccountId });
        member.Property(m => m.Territory).HasColumnName("territory").HasMaxLength(40);
        member.Property(m => m.AccountId).HasColumnName("account_id");
        member.HasIndex(m => m.AccountId);
        member.Property(m => m.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        member.Property(m => m.Email).HasColumnName("email").HasMaxLength(254);
        member.Property(m => m.Pilot).HasColumnName("pilot");
        member.Property(m => m.Since).HasColumnName("since");
    }
}

internal sealed class DossierAnalysisConfiguration : IEntityTypeConfiguration<DossierAnalysis>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<DossierAnalysis> analysis)
    {
        analysis.ToTable("dossier_analyses");
        analysis.HasKey(a => a.Id);
        analysis.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        analysis.Property(a => a.DossierId).HasColumnName("dossier_id");
        analysis.HasIndex(a => a.DossierId);
        analysis.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        analysis.Property(a => a.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        analysis.Property(a => a.Skills).HasColumnName("skills").HasColumnType("jsonb")
            .HasConversion(
                skills => JsonSerializer.Serialize(skills, Json),
                json => JsonSerializer.Deserialize<List<SkillView>>(json, Json) ?? new List<SkillView>(),
                new ValueComparer<IReadOnlyList<SkillView>>(
                    (a, b) => a!.SequenceEqual(b!), skills => skills.Count, skills => skills.ToList()));
        analysis.Property(a => a.Strengths).HasColumnName("strengths").HasMaxLength(DossierRules.LongTextMaxLength);
        analysis.Property(a => a.PointsToWork).HasColumnName("points_to_work").HasMaxLength(DossierRules.LongTextMaxLength);
        analysis.Property(a => a.Text).HasColumnName("text").HasMaxLength(DossierRules.LongTextMaxLength);
        analysis.Property(a => a.AuthorId).HasColumnName("author_id");
        analysis.Property(a => a.AuthorName).HasColumnName("author_name").HasMaxLength(200);
        analysis.Property(a => a.At).HasColumnName("at");
    }
}

internal sealed class DossierRecommendationConfiguration : IEntityTypeConfiguration<DossierRecommendation>
{
    public void Configure(EntityTypeBuilder<DossierRecommendation> recommendation)
    {
        recommendation.ToTable("dossier_recommendations");
        recommendation.HasKey(r => r.Id);
        recommendation.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        recommendation.Property(r => r.DossierId).HasColumnName("dossier_id");
        recommendation.HasIndex(r => r.DossierId);
        recommendation.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        recommendation.Property(r => r.Topic).HasColumnName("topic").HasConversion<string>().HasMaxLength(30);
        recommendation.Property(r => r.Text).HasColumnName("text").HasMaxLength(DossierRules.LongTextMaxLength);
        recommendation.Property(r => r.AuthorId).HasColumnName("author_id");
        recommendation.Property(r => r.AuthorName).HasColumnName("author_name").HasMaxLength(200);
        recommendation.Property(r => r.At).HasColumnName("at");
    }
}
