using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.Applications;

public enum ApplicationStatus
{
    Submitted,
}

/// <summary>An organisation's application to become a member. Grows into the seed's two-part form.</summary>
public sealed class MembershipApplication
{
    public Guid Id { get; init; }

    public required string OrganisationName { get; init; }

    public required string ContactEmail { get; init; }

    public DateTimeOffset ConsentGivenAt { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public ApplicationStatus Status { get; init; }
}

internal sealed class MembershipApplicationConfiguration : IEntityTypeConfiguration<MembershipApplication>
{
    public void Configure(EntityTypeBuilder<MembershipApplication> application)
    {
        application.ToTable("membership_applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        application.Property(a => a.OrganisationName).HasColumnName("organisation_name").HasMaxLength(SubmitApplicationRequest.OrganisationNameMaxLength);
        application.Property(a => a.ContactEmail).HasColumnName("contact_email").HasMaxLength(SubmitApplicationRequest.EmailMaxLength);
        application.Property(a => a.ConsentGivenAt).HasColumnName("consent_given_at");
        application.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        application.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(30);
    }
}
