using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Candidates.Consents;

/// <summary>What a candidate consents to (seed 004), each given or withdrawn on its own.</summary>
public enum ConsentKind
{
    /// <summary>Informed of « Conditions d'utilisation des données personnelles des candidats » (a version of it).</summary>
    DataUseNotice,

    /// <summary>A pseudonymous card in the talent pool that member companies search.</summary>
    TalentPool,

    /// <summary>The promotion of the profile on professional social networks, LinkedIn first.</summary>
    SocialNetworkPromotion,
}

/// <summary>Who gave or withdrew a consent.</summary>
public enum ConsentGiver
{
    Candidate,

    /// <summary>The employment partner, on the candidate's behalf.</summary>
    Partner,

    /// <summary>The commission's pilot, who recorded what the candidate told them.</summary>
    Pilot,
}

/// <summary>
/// One line of the consent ledger: append-only while its dossier exists (the database refuses any change;
/// see the migration). The current state of each consent is its latest line.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; init; }

    public Guid DossierId { get; init; }

    public ConsentKind Kind { get; init; }

    public bool Given { get; init; }

    /// <summary>The version of the data-use notice in force for the candidate when it was given or withdrawn.</summary>
    public required string NoticeVersion { get; init; }

    public ConsentGiver By { get; init; }

    public required string ById { get; init; }

    public required string ByName { get; init; }

    /// <summary>How: « API du partenaire à l'envoi du dossier », « espace candidat »…</summary>
    public required string How { get; init; }

    public DateTimeOffset At { get; init; }
}

public static class ConsentLabels
{
    public static string Code(ConsentKind kind) => kind switch
    {
        ConsentKind.DataUseNotice => "data_use_notice",
        ConsentKind.TalentPool => "talent_pool",
        ConsentKind.SocialNetworkPromotion => "social_network_promotion",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(ConsentKind kind) => kind switch
    {
        ConsentKind.DataUseNotice => $"Information : « {CandidateNotices.DataUseTitle} »",
        ConsentKind.TalentPool => "Publication d'une fiche anonyme dans le vivier des candidats",
        ConsentKind.SocialNetworkPromotion => "Promotion du profil sur les réseaux sociaux professionnels (LinkedIn)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Code(ConsentGiver by) => by switch
    {
        ConsentGiver.Candidate => "candidate",
        ConsentGiver.Partner => "partner",
        ConsentGiver.Pilot => "pilot",
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public const string Table = "consent_records";

    public void Configure(EntityTypeBuilder<ConsentRecord> record)
    {
        record.ToTable(Table);
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        record.Property(r => r.DossierId).HasColumnName("dossier_id");
        record.HasIndex(r => new { r.DossierId, r.Kind, r.Id });
        record.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
        record.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(40);
        record.Property(r => r.Given).HasColumnName("given");
        record.Property(r => r.NoticeVersion).HasColumnName("notice_version").HasMaxLength(20);
        record.Property(r => r.By).HasColumnName("by_kind").HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.ById).HasColumnName("by_id").HasMaxLength(100);
        record.Property(r => r.ByName).HasColumnName("by_name").HasMaxLength(250);
        record.Property(r => r.How).HasColumnName("how").HasMaxLength(200);
        record.Property(r => r.At).HasColumnName("at");
    }
}

/// <summary>Writes the ledger and reads the current state from it.</summary>
public static class ConsentLedger
{
    public const string ByPartnerApi = "déclaré par le partenaire emploi (API) avec le dossier";
    public const string ByPartnerExtranet = "déclaré par le conseiller du partenaire emploi (extranet) avec le dossier";
    public const string ByPilot = "accord du candidat recueilli par le pilote de la commission";

    /// <summary>The consents a partner declares with a dossier: every one when it is new, those that changed when it is replaced.</summary>
    public static void RecordDeclared(this CandidatesDbContext db, Guid dossierId, ConsentView? before, ConsentView now, DossierActor by, DateTimeOffset at)
    {
        var how = by.Kind == DossierActorKind.PartnerClient ? ByPartnerApi : ByPartnerExtranet;
        void Add(ConsentKind kind, bool given) => db.ConsentRecords.Add(new ConsentRecord
        {
            DossierId = dossierId, Kind = kind, Given = given, NoticeVersion = now.NoticeVersion,
            By = ConsentGiver.Partner, ById = by.Id, ByName = by.Name, How = how, At = at,
        });

        if (before is null || before.NoticeVersion != now.NoticeVersion)
        {
            Add(ConsentKind.DataUseNotice, true);
        }

        if (before is null || before.TalentPool != now.TalentPool)
        {
            Add(ConsentKind.TalentPool, now.TalentPool);
        }

        if (before is null || before.SocialNetworkPromotion != now.SocialNetworkPromotion)
        {
            Add(ConsentKind.SocialNetworkPromotion, now.SocialNetworkPromotion);
        }
    }

    public static void Record(this CandidatesDbContext db, Guid dossierId, ConsentKind kind, bool given, string noticeVersion,
        ConsentGiver by, string byId, string byName, string how, DateTimeOffset at) =>
        db.ConsentRecords.Add(new ConsentRecord
        {
            DossierId = dossierId, Kind = kind, Given = given, NoticeVersion = noticeVersion, By = by, ById = byId, ByName = byName, How = how, At = at,
        });

    /// <summary>Whether a consent stands: its latest line says given (none: not given).</summary>
    public static async Task<bool> IsGivenAsync(this CandidatesDbContext db, Guid dossierId, ConsentKind kind, CancellationToken cancellationToken) =>
        await db.ConsentRecords.Where(r => r.DossierId == dossierId && r.Kind == kind)
            .OrderByDescending(r => r.Id).Select(r => (bool?)r.Given).FirstOrDefaultAsync(cancellationToken) ?? false;
}
