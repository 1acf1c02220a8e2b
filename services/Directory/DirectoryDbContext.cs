using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Directory;

public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>For <c>dotnet ef migrations add</c>, which needs no live database.</summary>
public sealed class DirectoryDbContextFactory : IDesignTimeDbContextFactory<DirectoryDbContext>
{
    public DirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DirectoryDbContext>()
            .UseNpgsql("Host=localhost;Database=directory", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
