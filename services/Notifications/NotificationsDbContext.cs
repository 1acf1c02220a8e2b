using Microsoft.EntityFrameworkCore;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Digest;
using Nege.Notifications.Preferences;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<EmailDelivery> EmailDeliveries => Set<EmailDelivery>();

    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    public DbSet<NewsItem> NewsItems => Set<NewsItem>();

    public DbSet<NewsDigestRun> NewsDigestRuns => Set<NewsDigestRun>();

    public DbSet<NewsDigestRecipient> NewsDigestRecipients => Set<NewsDigestRecipient>();

    public DbSet<DigestUnsubscription> DigestUnsubscriptions => Set<DigestUnsubscription>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}

public sealed class NotificationsDbContextFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
