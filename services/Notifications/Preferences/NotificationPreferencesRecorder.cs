using MassTransit;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Preferences;

/// <summary>Keeps each person's latest news categories for the daily digest; a change older than the stored one is ignored.</summary>
public sealed class NotificationPreferencesRecorder : IdempotentConsumer<NotificationPreferencesChanged, NotificationsDbContext>
{
    private readonly ILogger _logger;

    public NotificationPreferencesRecorder(NotificationsDbContext db, TimeProvider clock, ILogger<NotificationPreferencesRecorder> logger)
        : base(db, clock, logger) => _logger = logger;

    protected override async Task HandleAsync(ConsumeContext<NotificationPreferencesChanged> context, CancellationToken cancellationToken)
    {
        var changed = context.Message;
        var categories = changed.Categories.ToArray();
        var changedAt = changed.ChangedAt.ToUniversalTime(); // Npgsql writes only UTC instants to timestamptz.

        // One statement, so that two changes of the same person consumed at once cannot both insert,
        // nor the older one win: events may arrive out of order (retries, several replicas).
        var written = await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO notification_preferences (account_id, email, categories, changed_at)
             VALUES ({changed.AccountId}, {changed.Email}, {categories}, {changedAt})
             ON CONFLICT (account_id) DO UPDATE
                 SET email = excluded.email, categories = excluded.categories, changed_at = excluded.changed_at
                 WHERE notification_preferences.changed_at < excluded.changed_at
             """,
            cancellationToken);
        if (written == 0)
        {
            _logger.LogInformation(
                "Ignored the notification preferences of account {AccountId} changed at {ChangedAt}: a later change is already stored",
                changed.AccountId, changed.ChangedAt);
        }
    }
}
