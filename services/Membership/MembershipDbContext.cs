using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nege.Membership.Applications;
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

/// <summary>For <c>dotnet ef migrations add</c>, which needs no live database.</summary>
public sealed class MembershipDbContextFactory : IDesignTimeDbContextFactory<MembershipDbContext>
{
    public MembershipDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MembershipDbContext>()
            .UseNpgsql("Host=localhost;Database=membership", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
