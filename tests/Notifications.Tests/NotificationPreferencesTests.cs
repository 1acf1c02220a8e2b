using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Notifications.Preferences;
using Nege.ServiceDefaults.Messaging;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>NotificationPreferencesChanged on the broker → the person's latest news categories, kept for the daily digest.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationPreferencesTests(NotificationsService service)
{
    private static readonly DateTimeOffset Earlier = new(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Later = new(2026, 9, 2, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_persons_categories_are_stored_with_their_address_and_the_instant_of_the_change()
    {
        var changed = Changed(Guid.NewGuid(), Earlier, "Evénement public", "Vie de l'association");

        await PublishAndWaitAsync(changed, Guid.NewGuid());

        var stored = await PreferencesAsync(changed.AccountId);
        Assert.Equal(changed.Email, stored.Email);
        Assert.Equal(["Evénement public", "Vie de l'association"], stored.Categories);
        Assert.Equal(Earlier, stored.ChangedAt);
    }

    [Fact]
    public async Task A_newer_change_replaces_the_categories_even_with_none()
    {
        var accountId = Guid.NewGuid();
        await PublishAndWaitAsync(Changed(accountId, Earlier, "Evénement public"), Guid.NewGuid());

        var newer = Changed(accountId, Later) with { Email = $"nouvelle-{Guid.NewGuid():N}@exemple.fr" };
        await PublishAndWaitAsync(newer, Guid.NewGuid());

        var stored = await PreferencesAsync(accountId);
        Assert.Empty(stored.Categories);
        Assert.Equal(newer.Email, stored.Email);
        Assert.Equal(Later, stored.ChangedAt);
    }

    [Fact]
    public async Task An_older_change_arriving_late_does_not_overwrite_a_newer_one()
    {
        var accountId = Guid.NewGuid();
        var newer = Changed(accountId, Later, "Commission Aide au Recrutement");
        await PublishAndWaitAsync(newer, Guid.NewGuid());

        await PublishAndWaitAsync(Changed(accountId, Earlier, "Evénement public") with { Email = "ancienne@exemple.fr" }, Guid.NewGuid());

        var stored = await PreferencesAsync(accountId);
        Assert.Equal(["Commission Aide au Recrutement"], stored.Categories);
        Assert.Equal(newer.Email, stored.Email);
        Assert.Equal(Later, stored.ChangedAt);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_recorded_once()
    {
        var changed = Changed(Guid.NewGuid(), Earlier, "Processus & Documentation");
        var messageId = Guid.NewGuid();
        await PublishAndWaitAsync(changed, messageId);

        await service.PublishAsync(changed, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 2);

        var stored = await PreferencesAsync(changed.AccountId);
        Assert.Equal(["Processus & Documentation"], stored.Categories);
        Assert.Equal(Earlier, stored.ChangedAt);
        var inbox = await service.QueryAsync(db => db.Set<InboxMessage>().Where(m => m.MessageId == messageId).ToListAsync());
        Assert.Equal(typeof(NotificationPreferencesRecorder).FullName, Assert.Single(inbox).Consumer);
    }

    private async Task PublishAndWaitAsync(NotificationPreferencesChanged changed, Guid messageId)
    {
        await service.PublishAsync(changed, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 1);
    }

    private Task<NotificationPreferences> PreferencesAsync(Guid accountId) =>
        service.QueryAsync(async db => Assert.Single(await db.NotificationPreferences.Where(p => p.AccountId == accountId).ToListAsync()));

    private static NotificationPreferencesChanged Changed(Guid accountId, DateTimeOffset changedAt, params string[] categories) =>
        new(accountId, $"abonne-{Guid.NewGuid():N}@exemple.fr", categories, changedAt);
}
