using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Data;

namespace Nege.Site.Data;

/// <summary>
/// The site's own small database: only the data-protection keys that encrypt its session and
/// anti-forgery cookies, so that every replica reads the cookies the others wrote.
/// </summary>
public sealed class SiteDbContext(DbContextOptions<SiteDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
}

public sealed class SiteDbContextFactory : DesignTimeDbContextFactory<SiteDbContext>;
