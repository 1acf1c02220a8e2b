using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.Organisations;

/// <summary>A member organisation (or applicant). Grows with the membership application's part 2.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    /// <summary>« Catégorie d'organisme », the seed's five values.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["Entreprise", "Partenaire emploi", "Partenaire formation", "Partenaire Soutien", "Organisation professionnelle"];

    public const string EmploymentPartner = "Partenaire emploi";

    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
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
    }
}
