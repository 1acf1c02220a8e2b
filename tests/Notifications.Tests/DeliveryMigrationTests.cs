using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nege.Notifications;
using Nege.Notifications.Deliveries;
using Nege.ServiceDefaults.Data;
using Npgsql;

namespace Notifications.Tests;

/// <summary>The delivery log written before e-mails were queued survives the migration, as sent e-mails.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeliveryMigrationTests(NotificationsService service)
{
    private const string BeforeTheQueue = "20261123204002_NotificationPreferences";

    [Fact]
    public async Task Rows_logged_before_the_delivery_queue_become_sent_deliveries_with_a_unique_Message_ID()
    {
        var connectionString = await service.Infrastructure.CreateDatabaseAsync("notifications_migration");
        var options = new DbContextOptionsBuilder<NotificationsDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(ServiceDatabaseExtensions.MigrationsHistoryTable))
            .Options;
        await using var db = new NotificationsDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeTheQueue);

        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var sentAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var id in ids)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO email_deliveries (id, template, recipient, subject, causation_message_id, sent_at) VALUES ($1, 'account-invitation', 'ancien@exemple.fr', 'Sujet', $2, $3)",
                    connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
                insert.Parameters.Add(new NpgsqlParameter { Value = sentAt });
                await insert.ExecuteNonQueryAsync();
            }
        }

        await migrator.MigrateAsync();

        var rows = await db.EmailDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(DeliveryState.Sent, row.State);
            Assert.Equal(sentAt, row.SentAt);
            Assert.Equal(sentAt, row.CreatedAt);
            Assert.Equal(1, row.Attempts);
            Assert.Equal($"{row.Id:N}@before-delivery-queue.invalid", row.MessageIdHeader);
        });
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
