using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Membership;

namespace Nege.Billing.Renewals;

/// <summary>
/// A member's renewal for a year: when its referent was asked to confirm the headcounts and reminded, what was declared
/// (the figures the call then used), and the call issued. One per member and year.
/// </summary>
public sealed class Renewal
{
    public Guid OrganisationId { get; init; }

    public int Year { get; init; }

    public DateTimeOffset? RequestedAt { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? DeclaredAt { get; private set; }

    public string? DeclaredBy { get; private set; }

    public int? DeclaredAlsace { get; private set; }

    public int? DeclaredChampagneArdenne { get; private set; }

    public int? DeclaredLorraine { get; private set; }

    public Guid? FeeCallId { get; set; }

    public void Declared(MembershipPerimeter perimeter, string by, DateTimeOffset at)
    {
        (DeclaredAlsace, DeclaredChampagneArdenne, DeclaredLorraine) = (perimeter.Alsace, perimeter.ChampagneArdenne, perimeter.Lorraine);
        DeclaredBy = by;
        DeclaredAt = at;
    }
}

internal sealed class RenewalConfiguration : IEntityTypeConfiguration<Renewal>
{
    public void Configure(EntityTypeBuilder<Renewal> renewal)
    {
        renewal.ToTable("renewals");
        renewal.HasKey(r => new { r.OrganisationId, r.Year });
        renewal.Property(r => r.OrganisationId).HasColumnName("organisation_id");
        renewal.Property(r => r.Year).HasColumnName("year");
        renewal.Property(r => r.RequestedAt).HasColumnName("requested_at");
        renewal.Property(r => r.RemindedAt).HasColumnName("reminded_at");
        renewal.Property(r => r.DeclaredAt).HasColumnName("declared_at");
        renewal.Property(r => r.DeclaredBy).HasColumnName("declared_by").HasMaxLength(200);
        renewal.Property(r => r.DeclaredAlsace).HasColumnName("declared_alsace");
        renewal.Property(r => r.DeclaredChampagneArdenne).HasColumnName("declared_champagne_ardenne");
        renewal.Property(r => r.DeclaredLorraine).HasColumnName("declared_lorraine");
        renewal.Property(r => r.FeeCallId).HasColumnName("fee_call_id");
        renewal.HasOne<Members.BillingMember>().WithMany().HasForeignKey(r => r.OrganisationId);
        renewal.HasIndex(r => new { r.Year, r.FeeCallId });
    }
}
