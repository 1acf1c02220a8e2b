using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Data;

namespace Nege.Candidates.Audit;

public sealed class AuditOptions
{
    public const string Section = "Candidates:Audit";

    /// <summary>Years the audit log of personal-data reads is kept (5 by default), then purged.</summary>
    public int RetentionYears { get; set; } = 5;
}

/// <summary>
/// Purges the lines of the audit log older than <see cref="AuditOptions.RetentionYears"/>, daily, on one replica. The
/// table refuses any delete unless the transaction says it is this purge (see the migration), and then only of lines that old.
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRetention> logger, IOptions<AuditOptions> options)
    : ScheduledJob<CandidatesDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(6);

    protected override async Task RunAsync(CandidatesDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var before = Clock.GetUtcNowForDatabase().AddYears(-options.Value.RetentionYears);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('nege.audit_purge_before', {before.ToString("O")}, true)", cancellationToken);
        var purged = await db.PersonalDataReads.Where(r => r.At < before).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (purged > 0)
        {
            Logger.LogInformation("Audit log: {Count} reads older than {Years} years purged", purged, options.Value.RetentionYears);
        }
    }

    public static IHostApplicationBuilder AddTo(IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection(AuditOptions.Section));
        builder.Services.AddSingleton<AuditRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditRetention>());
        return builder;
    }
}
