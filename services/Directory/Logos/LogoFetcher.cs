using Microsoft.EntityFrameworkCore;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults.Data;

namespace Nege.Directory.Logos;

/// <summary>
/// Brings every organisation's stored logo in line with its card's logo version: fetched from Membership, fitted and
/// stored with the version it is for; a version null (no logo) or a logo Membership does not have (404) clears it.
/// A worker rather than the card's consumer: the card is committed whatever becomes of its logo, no download is made
/// inside the consumer's transaction, and a failed download (Membership down) is simply tried again on a later round,
/// where in the consumer it would exhaust the message's retries and send the card itself to the error queue.
/// </summary>
public sealed class LogoFetcher(IServiceScopeFactory scopes, CommitSignal<DirectoryOrganisation> signal, ILogger<LogoFetcher> logger) : BackgroundService
{
    /// <summary>
    /// A committed card wakes the worker at once (<see cref="CommitSignal{TRow}"/>): rounds without a signal only retry what
    /// failed, or catch up with a card another replica committed while its own worker was stopped.
    /// </summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    /// <summary>After this many failed downloads in a row Membership is taken to be unavailable: the rest waits for the next round.</summary>
    private const int FailuresInARowEndingTheRound = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signal.WaitAsync(RetryInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The logo fetcher could not read its rows; it tries again in {Interval}", RetryInterval);
                try
                {
                    await signal.WaitAsync(RetryInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round over every organisation whose stored logo is not its card's; returns how many were brought in line.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var membership = scope.ServiceProvider.GetRequiredService<MembershipLogos>();
        var pending = await db.Organisations.AsNoTracking()
            .Where(o => o.LogoVersion != o.StoredLogoVersion)
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.LogoVersion })
            .ToListAsync(cancellationToken);

        var (stored, failuresInARow) = (0, 0);
        foreach (var organisation in pending)
        {
            byte[]? downloaded;
            try
            {
                downloaded = organisation.LogoVersion is null ? null : await membership.GetAsync(organisation.Id, cancellationToken);
                failuresInARow = 0;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The logo {Version} of organisation {OrganisationId} could not be fetched from Membership; tried again in {Interval}",
                    organisation.LogoVersion, organisation.Id, RetryInterval);
                if (++failuresInARow == FailuresInARowEndingTheRound)
                {
                    break;
                }

                continue;
            }

            var logo = downloaded is null ? null : LogoImage.Fit(downloaded);
            if (downloaded is not null && logo is null)
            {
                logger.LogWarning("The logo {Version} of organisation {OrganisationId} from Membership is not a readable image; none is shown",
                    organisation.LogoVersion, organisation.Id);
            }

            // Without bytes (no logo, Membership's 404, an unreadable image) the card's version goes too: the pages link
            // the stored version (DirectorySearch.LogoUrl), which must then be none, and fetching it again would find the
            // same nothing; the referent's next logo is a new version. Only if the card still has the version fetched:
            // a newer one that came meanwhile is left for the next round.
            var version = organisation.LogoVersion;
            var kept = logo is null ? null : version;
            stored += await db.Organisations.Where(o => o.Id == organisation.Id && o.LogoVersion == version)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Logo, logo).SetProperty(o => o.StoredLogoVersion, kept).SetProperty(o => o.LogoVersion, kept),
                    cancellationToken);
        }

        return stored;
    }
}
