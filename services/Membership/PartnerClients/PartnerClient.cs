using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.PartnerClients;

/// <summary>
/// An employment partner's system: an OpenIddict confidential client (client credentials) bound to
/// one organisation of category « Partenaire emploi ». The secret lives hashed in OpenIddict's
/// applications table; this row says whose client it is and its history.
/// </summary>
public sealed class PartnerClient
{
    public required string ClientId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string[] Scopes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset? SecretRotatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedBy { get; set; }
}

internal sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> client)
    {
        client.ToTable("partner_clients");
        client.HasKey(c => c.ClientId);
        client.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(100);
        client.Property(c => c.OrganisationId).HasColumnName("organisation_id");
        client.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        client.Property(c => c.Scopes).HasColumnName("scopes");
        client.Property(c => c.CreatedAt).HasColumnName("created_at");
        client.Property(c => c.CreatedBy).HasColumnName("created_by");
        client.Property(c => c.SecretRotatedAt).HasColumnName("secret_rotated_at");
        client.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        client.Property(c => c.RevokedBy).HasColumnName("revoked_by");
    }
}
