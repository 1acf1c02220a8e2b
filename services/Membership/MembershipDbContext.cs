using Microsoft.EntityFrameworkCore;
using Nege.Membership.Applications;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public DbSet<MembershipApplication> Applications => Set<MembershipApplication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
    }
}

public sealed class MembershipDbContextFactory : DesignTimeDbContextFactory<MembershipDbContext>;
