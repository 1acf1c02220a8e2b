using Microsoft.EntityFrameworkCore;
using Nege.Directory.Contact;
using Nege.Directory.News;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Directory;

public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    public DbSet<DirectoryOrganisation> Organisations => Set<DirectoryOrganisation>();

    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();

    public DbSet<NewsItem> News => Set<NewsItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }
}

public sealed class DirectoryDbContextFactory : DesignTimeDbContextFactory<DirectoryDbContext>;
