using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nege.Membership.Accounts;
using Nege.Membership.Applications;
using Nege.Membership.OpenIdServer;
using Nege.Membership.Organisations;
using Nege.Membership.PartnerClients;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Membership;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<MembershipApplication> Applications => Set<MembershipApplication>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<RoleChange> RoleChanges => Set<RoleChange>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Images.StoredImage> Images => Set<Images.StoredImage>();

    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    /// <summary>ASP.NET Core data-protection keys (login cookie, anti-forgery), shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Locks the application's row until the caller's transaction ends, then reads it again: a request
    /// that waited for the lock sees what the other one saved (its status above all).
    /// </summary>
    public async Task LockAsync(MembershipApplication application, CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlAsync($"SELECT 1 FROM membership_applications WHERE id = {application.Id} FOR UPDATE", cancellationToken);
        await Entry(application).ReloadAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
    }
}

public sealed class MembershipDbContextFactory : DesignTimeDbContextFactory<MembershipDbContext>;
