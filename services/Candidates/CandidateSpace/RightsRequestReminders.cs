using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Commission;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// A candidate's request still unanswered seven days before its due date reminds the territory's pilots, once. Runs
/// hourly on one replica. (Past its due date the request is flagged overdue wherever it is shown.)
/// </summary>
public sealed class RightsRequestReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RightsRequestReminders> logger, SiteLinks links)
    : ScheduledJob<CandidatesDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CandidatesDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNowForDatabase();
        var remindedFrom = Clock.TodayInParis().AddDays(RightsRequest.ReminderDaysBefore);
        var due = await db.RightsRequests
            .Where(r => r.State == RightsRequestState.Open && r.RemindedAt == null && r.DueOn <= remindedFrom)
            .Join(db.Dossiers, r => r.DossierId, d => d.Id, (r, d) => new { Request = r, d.Number, d.Territory, d.Content })
            .OrderBy(r => r.Request.DueOn).Take(200).ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            row.Request.Reminded(now);
            db.AddToOutbox(new RightsRequestReminderDue(row.Request.Id, Dossier.FormatNumber(row.Number),
                $"{row.Content.Identification.FirstName} {row.Content.Identification.LastName}", RightsRequest.Label(row.Request.Kind), row.Request.DueOn, now)
            {
                Pilots = row.Territory is { } territory ? await db.PilotsOfAsync(territory, cancellationToken) : [],
                RequestsLink = links.To(RightsRequestsEndpoints.PagePath),
            }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (due.Count > 0)
        {
            Logger.LogInformation("Rights requests: {Count} pilots' reminders, {Days} days before the due date", due.Count, RightsRequest.ReminderDaysBefore);
        }
    }
}

public static class CandidateSpaceExtensions
{
    public static IHostApplicationBuilder AddCandidateSpace(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RightsRequestReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RightsRequestReminders>());
        return builder;
    }
}
