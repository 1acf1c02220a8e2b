using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates.TalentPool;

/// <summary>
/// An open follow-up sheet without news for <see cref="FollowUpOptions.ReminderDays"/> days reminds its recruiter,
/// once per silence (a new line starts the count again). Runs hourly on one replica.
/// </summary>
public sealed class FollowUpReminders(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<FollowUpReminders> logger, IOptions<FollowUpOptions> options, SiteLinks links)
    : ScheduledJob<CandidatesDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CandidatesDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNowForDatabase();
        var days = options.Value.ReminderDays;
        var before = now.AddDays(-days);
        var due = await db.FollowUpSheets
            .Where(s => s.Status == FollowUpStatus.Open && s.LastNewsAt <= before && (s.RemindedAt == null || s.RemindedAt < s.LastNewsAt))
            .Join(db.Interests, s => s.InterestId, i => i.Id, (s, i) => new { Sheet = s, Interest = i })
            .Join(db.Dossiers, r => r.Sheet.DossierId, d => d.Id, (r, d) => new { r.Sheet, r.Interest, d.Number, d.Content })
            .OrderBy(r => r.Sheet.LastNewsAt).Take(200).ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            row.Sheet.Reminded(now);
            db.AddToOutbox(new FollowUpReminderDue(row.Interest.Id, Dossier.FormatNumber(row.Number), new Recipient(row.Interest.RecruiterName, row.Interest.RecruiterEmail),
                row.Interest.OrganisationName, (int)Math.Floor((now - row.Sheet.LastNewsAt).TotalDays), now)
            {
                CandidateFirstName = row.Content.Identification.FirstName,
                SheetLink = links.To($"/espace-membre/vivier/interets/{row.Interest.Id}"),
            }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (due.Count > 0)
        {
            Logger.LogInformation("Follow-up reminders: {Count} sheets without news for {Days} days", due.Count, days);
        }
    }
}

public static class TalentPoolExtensions
{
    public static IHostApplicationBuilder AddTalentPool(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection(FollowUpOptions.Section));
        builder.Services.Configure<TalentSearchCacheOptions>(builder.Configuration.GetSection(TalentSearchCacheOptions.Section));
        builder.Services.AddSingleton<TalentSearchCache>();
        builder.Services.AddSingleton<FollowUpReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FollowUpReminders>());
        return builder;
    }
}
