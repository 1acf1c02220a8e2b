using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates;

public sealed class CandidatesDbContext(DbContextOptions<CandidatesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>For <c>dotnet ef migrations add</c>, which needs no live database.</summary>
public sealed class CandidatesDbContextFactory : IDesignTimeDbContextFactory<CandidatesDbContext>
{
    public CandidatesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CandidatesDbContext>()
            .UseNpgsql("Host=localhost;Database=candidates", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
