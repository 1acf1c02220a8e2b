using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Candidates.Retention;

public sealed class RetentionOptions
{
    public const string Section = "Candidates:Retention";

    /// <summary>
    /// Months a dossier is kept after its last update: seed 004 promises 36 (« durée maximale de 36 mois à compter de
    /// la date de dernière mise à jour »). The CNIL's recruitment guide suggests 24 for candidates not hired: set
    /// <c>Candidates__Retention__Months=24</c> if the association decides so (and update the notice).
    /// </summary>
    public int Months { get; set; } = CandidateNotices.RetentionMonths;

    /// <summary>How long before the erasure the candidate and the partners are warned.</summary>
    public int WarningDays { get; set; } = 30;
}

/// <summary>
/// Anonymised statistics kept when a dossier is erased: counts only, by the month the dossier came in, its territory,
/// its last status and the candidate's age band — nothing that identifies anyone.
/// </summary>
public sealed class DossierStatistic
{
    public DateOnly Month { get; init; }

    public required string Territory { get; init; }

    public required string Outcome { get; init; }

    public required string AgeBand { get; init; }

    public int Count { get; set; }
}

/// <summary>
/// The retention engine: hourly, on one replica, it warns the candidate and the partners 30 days before a dossier's
/// retention runs out (any update meanwhile moves the date), and erases the dossiers whose retention ran out —
/// documents, analyses, recommendations, interests, follow-up sheets, the pool card and the consent ledger go with
/// it — keeping only anonymised counts; <see cref="DossierErased"/> tells the other services to forget.
/// </summary>
public sealed class DossierRetention(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DossierRetention> logger, IOptions<RetentionOptions> options)
    : ScheduledJob<CandidatesDbContext>(scopes, clock, logger)
{
    public const string RetentionReason = "durée de conservation écoulée";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CandidatesDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNowForDatabase();
        var months = options.Value.Months;
        var erasedBefore = now.AddMonths(-months);
        var warnedBefore = now.AddDays(options.Value.WarningDays).AddMonths(-months);

        var toErase = await db.Dossiers.Where(d => d.UpdatedAt <= erasedBefore).OrderBy(d => d.UpdatedAt).Select(d => d.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var id in toErase)
        {
            await db.EraseAsync(id, RetentionReason, null, now, cancellationToken);
        }

        var toWarn = await db.Dossiers.Include(d => d.Partners)
            .Where(d => d.UpdatedAt <= warnedBefore && d.UpdatedAt > erasedBefore && (d.RetentionWarnedFor == null || d.RetentionWarnedFor != d.UpdatedAt))
            .OrderBy(d => d.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        foreach (var dossier in toWarn)
        {
            dossier.RetentionWarned();
            db.AddToOutbox(new DossierRetentionWarning(dossier.Id, dossier.NumberText, ParisTime.DateOf(dossier.UpdatedAt.AddMonths(months)), now)
            {
                CandidateFirstName = dossier.Content.Identification.FirstName,
                CandidateEmail = dossier.Content.Identification.Email,
                Advisers = dossier.AdviserRecipients(),
                RetentionMonths = months,
            }, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        // An erasure's own event names the person so that the other services find what to forget: once sent, it goes too.
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE {"%" + nameof(DossierErased) + "%"}", cancellationToken);
        if (toErase.Count + toWarn.Count > 0)
        {
            Logger.LogInformation("Retention: {Erased} dossiers erased, {Warned} warned ({Months} months)", toErase.Count, toWarn.Count, months);
        }
    }
}

/// <summary>The candidate asked for the erasure and the pilot accepted, with this message for them.</summary>
public sealed record ErasureRequestAccepted(string? Message);

public static class DossierErasure
{
    public const string RequestReason = "demande de suppression du candidat acceptée";

    /// <summary>
    /// Erases a dossier and everything about the person in Candidates, in one transaction, keeping one anonymised count.
    /// The audit log of reads keeps its lines (who read which dossier id, when: no candidate data), as the DPO needs them.
    /// </summary>
    /// <param name="request">When the erasure is the candidate's accepted request: they are sent a confirmation, with the pilot's message.</param>
    public static async Task EraseAsync(
        this CandidatesDbContext db, Guid dossierId, string reason, ErasureRequestAccepted? request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Within the caller's transaction when there is one (a pilot's answer, which has locked the dossier).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        if (dossier is null)
        {
            return;
        }

        var month = new DateOnly(ParisTime.DateOf(dossier.SubmittedAt).Year, ParisTime.DateOf(dossier.SubmittedAt).Month, 1);
        var territory = dossier.Territory ?? "hors territoire";
        var outcome = DossierLifeCycle.Code(dossier.Status);
        var ageBand = dossier.Content.Context.AgeBand;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO dossier_statistics (month, territory, outcome, age_band, count) VALUES ({month}, {territory}, {outcome}, {ageBand}, 1)
            ON CONFLICT (month, territory, outcome, age_band) DO UPDATE SET count = dossier_statistics.count + 1
            """, cancellationToken);

        var accountId = await db.CandidateAttachments.Where(a => a.DossierId == dossierId && a.AttachedAt != null).Select(a => (Guid?)a.AccountId).SingleOrDefaultAsync(cancellationToken);
        var id = dossierId.ToString();
        // What the dossier's own rows do not cascade to: the answers kept for idempotency, the webhook calls, the events
        // (sent, or still to send: nothing more is to happen about the person, except that the others forget them).
        await db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE response_body LIKE {"%" + id + "%"}", cancellationToken);
        await db.WebhookDeliveries.Where(w => w.DossierId == dossierId).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE payload::text LIKE {"%" + id + "%"}", cancellationToken);
        await db.Dossiers.Where(d => d.Id == dossierId).ExecuteDeleteAsync(cancellationToken);
        db.AddToOutbox(new DossierErased(dossierId, dossier.NumberText, dossier.Content.Identification.Email, reason, now)
        {
            AccountId = accountId,
            AtCandidatesRequest = request is not null,
            CandidateFirstName = request is null ? null : dossier.Content.Identification.FirstName,
            Message = request?.Message,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

internal sealed class DossierStatisticConfiguration : IEntityTypeConfiguration<DossierStatistic>
{
    public void Configure(EntityTypeBuilder<DossierStatistic> statistic)
    {
        statistic.ToTable("dossier_statistics");
        statistic.HasKey(s => new { s.Month, s.Territory, s.Outcome, s.AgeBand });
        statistic.Property(s => s.Month).HasColumnName("month");
        statistic.Property(s => s.Territory).HasColumnName("territory").HasMaxLength(40);
        statistic.Property(s => s.Outcome).HasColumnName("outcome").HasMaxLength(40);
        statistic.Property(s => s.AgeBand).HasColumnName("age_band").HasMaxLength(40);
        statistic.Property(s => s.Count).HasColumnName("count");
    }
}

public static class RetentionExtensions
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        builder.Services.AddSingleton<DossierRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DossierRetention>());
        return builder;
    }
}
