using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Membership;

namespace Nege.Membership.Organisations;

/// <summary>
/// An organisation the association works with: a member (from an accepted application, or registered
/// by an administrator), with the card the directory shows.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it became a member; null while it is not one.</summary>
    public DateTimeOffset? MemberSince { get; set; }

    /// <summary>The accepted application it came from, if any.</summary>
    public Guid? ApplicationId { get; set; }

    public string? RegionalHeadOffice { get; set; }

    public Guid? LogoImageId { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public string? Presentation { get; set; }

    public string? Website { get; set; }

    public bool? DigitalSector { get; set; }

    public string? CompanyType { get; set; }

    public List<string> MainActivities { get; set; } = [];

    public List<string> SiteDepartements { get; set; } = [];

    public List<string> InterventionDepartements { get; set; } = [];

    public Guid? AffiliationOrganisationId { get; set; }

    public Guid? HrContactAccountId { get; set; }

    public int PerimeterAlsace { get; set; }

    public int PerimeterChampagneArdenne { get; set; }

    public int PerimeterLorraine { get; set; }

    public DateOnly? StartupCreationDate { get; set; }

    public int? StartupHeadcount { get; set; }

    public string? StartupTurnoverBand { get; set; }

    public bool? SyntecStartupPack { get; set; }

    public DateTimeOffset? CardChangedAt { get; set; }

    /// <summary>Set while the membership is lapsed for an unpaid fee (Billing's <c>MembershipLapsed</c>), cleared when it pays.</summary>
    public DateTimeOffset? LapsedAt { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("organisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        organisation.Property(o => o.Name).HasColumnName("name").HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.Category).HasColumnName("category").HasMaxLength(40);
        organisation.Property(o => o.CreatedAt).HasColumnName("created_at");
        organisation.Property(o => o.MemberSince).HasColumnName("member_since");
        organisation.Property(o => o.ApplicationId).HasColumnName("application_id");
        organisation.Property(o => o.RegionalHeadOffice).HasColumnName("regional_head_office").HasMaxLength(200);
        organisation.Property(o => o.LogoImageId).HasColumnName("logo_image_id");
        organisation.HasOne<Images.StoredImage>().WithMany().HasForeignKey(o => o.LogoImageId).OnDelete(DeleteBehavior.SetNull);
        organisation.Property(o => o.Presentation).HasColumnName("presentation");
        organisation.Property(o => o.Website).HasColumnName("website").HasMaxLength(500);
        organisation.Property(o => o.DigitalSector).HasColumnName("digital_sector");
        organisation.Property(o => o.CompanyType).HasColumnName("company_type").HasMaxLength(60);
        organisation.Property(o => o.MainActivities).HasColumnName("main_activities");
        organisation.Property(o => o.SiteDepartements).HasColumnName("site_departements");
        organisation.Property(o => o.InterventionDepartements).HasColumnName("intervention_departements");
        organisation.Property(o => o.AffiliationOrganisationId).HasColumnName("affiliation_organisation_id");
        organisation.Property(o => o.HrContactAccountId).HasColumnName("hr_contact_account_id");
        organisation.Property(o => o.PerimeterAlsace).HasColumnName("perimeter_alsace");
        organisation.Property(o => o.PerimeterChampagneArdenne).HasColumnName("perimeter_champagne_ardenne");
        organisation.Property(o => o.PerimeterLorraine).HasColumnName("perimeter_lorraine");
        organisation.Property(o => o.StartupCreationDate).HasColumnName("startup_creation_date");
        organisation.Property(o => o.StartupHeadcount).HasColumnName("startup_headcount");
        organisation.Property(o => o.StartupTurnoverBand).HasColumnName("startup_turnover_band").HasMaxLength(40);
        organisation.Property(o => o.SyntecStartupPack).HasColumnName("syntec_startup_pack");
        organisation.Property(o => o.CardChangedAt).HasColumnName("card_changed_at");
        organisation.Property(o => o.LapsedAt).HasColumnName("lapsed_at");
    }
}
