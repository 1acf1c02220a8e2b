using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Commission;

/// <summary>That a territory's pilots got their reminder for a day (Europe/Paris): one a day, whatever the replicas or restarts.</summary>
public sealed class InactivityReminder
{
    public required string Territory { get; init; }

    public DateOnly Day { get; init; }

    public int DossierCount { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

/// <summary>
/// Once a day per territory, the pilots get the list of its open dossiers without activity for
/// <see cref="CommissionOptions.InactivityDays"/> days. Runs hourly on one replica; the day's row makes it once.
/// </summary>
public sealed class InactivityReminders(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<InactivityReminders> logger, IOptions<CommissionOptions> options, SiteLinks links)
    : ScheduledJob<CandidatesDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CandidatesDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNowForDatabase();
        var today = ParisTime.DateOf(now);
        var days = options.Value.InactivityDays;
        var before = now.AddDays(-days);
        var awaiting = DossierLifeCycle.AwaitingCommission;
        foreach (var territory in CandidateForm.Territories)
        {
            if (await db.InactivityReminders.AnyAsync(r => r.Territory == territory && r.Day == today, cancellationToken))
            {
                continue;
            }

            var pilots = await db.PilotsOfAsync(territory, cancellationToken);
            var inactive = await db.Dossiers.AsNoTracking()
                .Where(d => d.Territory == territory && d.UpdatedAt <= before && awaiting.Contains(d.Status))
                .OrderBy(d => d.UpdatedAt).Take(200).ToListAsync(cancellationToken);
            if (pilots.Count == 0 || inactive.Count == 0)
            {
                continue;
            }

            db.InactivityReminders.Add(new InactivityReminder { Territory = territory, Day = today, DossierCount = inactive.Count, SentAt = now });
            db.AddToOutbox(new InactiveDossiersReminderDue(territory, today, days, pilots, [.. inactive.Select(d => new InactiveDossier(
                d.Id, d.NumberText, $"{d.Content.Identification.FirstName} {d.Content.Identification.LastName}", DossierLifeCycle.Label(d.Status),
                (int)Math.Floor((now - d.UpdatedAt).TotalDays)))])
            {
                QueueLink = links.InactiveQueue(territory),
            }, now);
            await db.SaveChangesAsync(cancellationToken);
            Logger.LogInformation("Inactivity reminder for {Territory}: {Count} dossiers, {Pilots} pilots", territory, inactive.Count, pilots.Count);
        }
    }
}

internal sealed class InactivityReminderConfiguration : IEntityTypeConfiguration<InactivityReminder>
{
    public void Configure(EntityTypeBuilder<InactivityReminder> reminder)
    {
        reminder.ToTable("inactivity_reminders");
        reminder.HasKey(r => new { r.Territory, r.Day });
        reminder.Property(r => r.Territory).HasColumnName("territory").HasMaxLength(40);
        reminder.Property(r => r.Day).HasColumnName("day");
        reminder.Property(r => r.DossierCount).HasColumnName("dossier_count");
        reminder.Property(r => r.SentAt).HasColumnName("sent_at");
    }
}
