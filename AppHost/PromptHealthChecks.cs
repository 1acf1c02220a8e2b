using Microsoft.Extensions.Hosting;

namespace Nege.AppHost;

/// <summary>
/// Aspire re-checks a resource that is not healthy yet after 1 s, 2 s, 3 s… then every 5 s: one that
/// becomes healthy just after a check is seen up to 5 s later, and whatever waits for it waits as
/// long (the gateway, then « Tout est prêt »). While a resource starts, this runs its own health
/// checks every 250 ms and, the moment they pass, publishes an update of the resource, which makes
/// Aspire check it again at once. It stops watching a resource once it has been healthy.
/// </summary>
public sealed class PromptHealthChecks(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    HealthCheckService healthChecks) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(model.Resources
            .Select(resource => (Resource: resource, Checks: resource.Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key).ToHashSet()))
            .Where(watched => watched.Checks.Count > 0)
            .Select(watched => WatchAsync(watched.Resource, watched.Checks, stoppingToken)));

    private async Task WatchAsync(IResource resource, HashSet<string> checks, CancellationToken stoppingToken)
    {
        try
        {
            await notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.Running, stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var report = await healthChecks.CheckHealthAsync(registration => checks.Contains(registration.Name), stoppingToken);
                if (report.Status == HealthStatus.Healthy)
                {
                    await notifications.PublishUpdateAsync(resource, snapshot => snapshot);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }
}
