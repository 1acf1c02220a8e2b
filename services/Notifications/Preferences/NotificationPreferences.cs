using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Notifications.Preferences;

/// <summary>The news categories a person wants in the daily digest, as of their latest change.</summary>
public sealed class NotificationPreferences
{
    public Guid AccountId { get; init; }

    public required string Email { get; init; }

    public required List<string> Categories { get; init; }

    /// <summary>When the person made the change: a change older than this one is ignored.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> preferences)
    {
        preferences.ToTable("notification_preferences"); // also written by NotificationPreferencesRecorder's SQL
        preferences.HasKey(p => p.AccountId);
        preferences.Property(p => p.AccountId).HasColumnName("account_id").ValueGeneratedNever();
        preferences.Property(p => p.Email).HasColumnName("email").HasMaxLength(254);
        preferences.Property(p => p.Categories).HasColumnName("categories").HasColumnType("text[]");
        preferences.Property(p => p.ChangedAt).HasColumnName("changed_at");
    }
}
