using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// An organisation that is a member of the association, as Membership's events tell it: only the people of a
/// current member search the talent pool. A lapsed membership (Billing, an unpaid fee) sets <see cref="Current"/> false until it pays.
/// </summary>
public sealed class MemberOrganisation
{
    public Guid Id { get; init; }

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public bool Current { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class MemberOrganisationConfiguration : IEntityTypeConfiguration<MemberOrganisation>
{
    public void Configure(EntityTypeBuilder<MemberOrganisation> organisation)
    {
        organisation.ToTable("member_organisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        organisation.Property(o => o.Name).HasColumnName("name").HasMaxLength(200);
        organisation.Property(o => o.Category).HasColumnName("category").HasMaxLength(100);
        organisation.Property(o => o.Current).HasColumnName("current");
        organisation.Property(o => o.ChangedAt).HasColumnName("changed_at");
    }
}

internal static class MemberOrganisations
{
    public static async Task BecameMemberAsync(this CandidatesDbContext db, Guid id, string name, string category, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var organisation = await db.MemberOrganisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            db.MemberOrganisations.Add(new MemberOrganisation { Id = id, Name = name, Category = category, Current = true, ChangedAt = at });
            return;
        }

        organisation.Name = name;
        organisation.Category = category;
        organisation.Current = true;
        organisation.ChangedAt = at;
    }
}

/// <summary>The board admitted an organisation.</summary>
public sealed class MembershipApprovedConsumer(CandidatesDbContext db, TimeProvider clock, ILogger<MembershipApprovedConsumer> logger)
    : IdempotentConsumer<MembershipApproved, CandidatesDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<MembershipApproved> context, CancellationToken cancellationToken) =>
        Db.BecameMemberAsync(context.Message.OrganisationId, context.Message.Name, context.Message.Category, context.Message.ApprovedAt, cancellationToken);
}

/// <summary>An admin registered an organisation: the association's own registrations are members from the start.</summary>
public sealed class OrganisationRegisteredConsumer(CandidatesDbContext db, TimeProvider clock, ILogger<OrganisationRegisteredConsumer> logger)
    : IdempotentConsumer<OrganisationRegistered, CandidatesDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<OrganisationRegistered> context, CancellationToken cancellationToken) =>
        Db.BecameMemberAsync(context.Message.OrganisationId, context.Message.Name, context.Message.Category, context.Message.RegisteredAt, cancellationToken);
}

/// <summary>An unpaid fee lapsed the membership: its people no longer search the talent pool.</summary>
public sealed class MembershipLapsedConsumer(CandidatesDbContext db, TimeProvider clock, ILogger<MembershipLapsedConsumer> logger)
    : IdempotentConsumer<MembershipLapsed, CandidatesDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<MembershipLapsed> context, CancellationToken cancellationToken) =>
        Db.MemberOrganisations.Where(o => o.Id == context.Message.OrganisationId && o.ChangedAt <= context.Message.LapsedAt)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Current, false).SetProperty(o => o.ChangedAt, context.Message.LapsedAt), cancellationToken);
}

/// <summary>The lapsed member paid: its people search the talent pool again.</summary>
public sealed class MembershipReinstatedConsumer(CandidatesDbContext db, TimeProvider clock, ILogger<MembershipReinstatedConsumer> logger)
    : IdempotentConsumer<MembershipReinstated, CandidatesDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<MembershipReinstated> context, CancellationToken cancellationToken) =>
        Db.MemberOrganisations.Where(o => o.Id == context.Message.OrganisationId && o.ChangedAt <= context.Message.ReinstatedAt)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Current, true).SetProperty(o => o.ChangedAt, context.Message.ReinstatedAt), cancellationToken);
}
