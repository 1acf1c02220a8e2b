using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Billing.Grids;
using Nege.Contracts.Membership;

namespace Nege.Billing.Members;

/// <summary>
/// A member as Billing knows it, from Membership's events: who is called, what the grid reads (the sector, the
/// perimeter's headcounts, the affiliation, the start-up facts) and where the fee call goes (the referent).
/// </summary>
public sealed class BillingMember
{
    public Guid OrganisationId { get; init; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public string? RegionalHeadOffice { get; set; }

    public bool DigitalSector { get; set; }

    public int PerimeterAlsace { get; set; }

    public int PerimeterChampagneArdenne { get; set; }

    public int PerimeterLorraine { get; set; }

    public string? AffiliationName { get; set; }

    public bool Affiliated { get; set; }

    public DateOnly? StartupCreationDate { get; set; }

    public int? StartupHeadcount { get; set; }

    public string? StartupTurnoverBand { get; set; }

    public bool StartupPack { get; set; }

    public Guid ReferentAccountId { get; set; }

    public required string ReferentName { get; set; }

    public required string ReferentEmail { get; set; }

    /// <summary>A partner's yearly fee as agreed with the association (categories the grid does not apply to); null: 0 €.</summary>
    public long? AgreedFeeCents { get; set; }

    public DateTimeOffset MemberSince { get; init; }

    /// <summary>Set while the membership is lapsed for an unpaid fee call.</summary>
    public DateTimeOffset? LapsedAt { get; set; }

    public MembershipPerimeter Perimeter => new(PerimeterAlsace, PerimeterChampagneArdenne, PerimeterLorraine);

    /// <summary>The territories where it wants the association's services (a territory at 0 is left out).</summary>
    public IReadOnlyList<string> Territories => [.. FeeRules.TerritoriesOf(Perimeter).Where(t => t.Headcount > 0).Select(t => t.Territory)];

    public FeeSubject FeeSubject => new(
        Category,
        DigitalSector,
        Perimeter,
        Affiliated,
        AffiliationName,
        StartupCreationDate is { } created ? new StartupFacts(created, StartupHeadcount ?? 0, StartupTurnoverBand ?? "", StartupPack) : null,
        AgreedFeeCents);

    public static BillingMember From(MembershipApproved approved) => new()
    {
        OrganisationId = approved.OrganisationId,
        Name = approved.Name,
        Category = approved.Category,
        RegionalHeadOffice = approved.RegionalHeadOffice,
        DigitalSector = approved.DigitalSector,
        PerimeterAlsace = approved.Perimeter.Alsace,
        PerimeterChampagneArdenne = approved.Perimeter.ChampagneArdenne,
        PerimeterLorraine = approved.Perimeter.Lorraine,
        Affiliated = approved.Affiliation is not null,
        AffiliationName = approved.Affiliation?.Name,
        StartupCreationDate = approved.Startup?.CreationDate,
        StartupHeadcount = approved.Startup?.Headcount,
        StartupTurnoverBand = approved.Startup?.TurnoverBand,
        StartupPack = approved.Startup?.SyntecStartupPack ?? false,
        ReferentAccountId = approved.Referent.AccountId,
        ReferentName = approved.Referent.Name,
        ReferentEmail = approved.Referent.Email,
        MemberSince = approved.ApprovedAt,
    };
}

internal sealed class BillingMemberConfiguration : IEntityTypeConfiguration<BillingMember>
{
    public void Configure(EntityTypeBuilder<BillingMember> member)
    {
        member.ToTable("members");
        member.HasKey(m => m.OrganisationId);
        member.Property(m => m.OrganisationId).HasColumnName("organisation_id").ValueGeneratedNever();
        member.Property(m => m.Name).HasColumnName("name").HasMaxLength(200);
        member.Property(m => m.Category).HasColumnName("category").HasMaxLength(60);
        member.Property(m => m.RegionalHeadOffice).HasColumnName("regional_head_office").HasMaxLength(200);
        member.Property(m => m.DigitalSector).HasColumnName("digital_sector");
        member.Property(m => m.PerimeterAlsace).HasColumnName("perimeter_alsace");
        member.Property(m => m.PerimeterChampagneArdenne).HasColumnName("perimeter_champagne_ardenne");
        member.Property(m => m.PerimeterLorraine).HasColumnName("perimeter_lorraine");
        member.Property(m => m.AffiliationName).HasColumnName("affiliation_name").HasMaxLength(200);
        member.Property(m => m.Affiliated).HasColumnName("affiliated");
        member.Property(m => m.StartupCreationDate).HasColumnName("startup_creation_date");
        member.Property(m => m.StartupHeadcount).HasColumnName("startup_headcount");
        member.Property(m => m.StartupTurnoverBand).HasColumnName("startup_turnover_band").HasMaxLength(40);
        member.Property(m => m.StartupPack).HasColumnName("startup_pack");
        member.Property(m => m.ReferentAccountId).HasColumnName("referent_account_id");
        member.Property(m => m.ReferentName).HasColumnName("referent_name").HasMaxLength(200);
        member.Property(m => m.ReferentEmail).HasColumnName("referent_email").HasMaxLength(254);
        member.Property(m => m.AgreedFeeCents).HasColumnName("agreed_fee_cents");
        member.Property(m => m.MemberSince).HasColumnName("member_since");
        member.Property(m => m.LapsedAt).HasColumnName("lapsed_at");
        member.Ignore(m => m.Perimeter);
        member.Ignore(m => m.Territories);
        member.Ignore(m => m.FeeSubject);
    }
}
