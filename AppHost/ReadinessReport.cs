using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nege.AppHost.Infrastructure;

namespace Nege.AppHost;

/// <summary>
/// Once every resource is healthy, prints the time it took since the AppHost started and the addresses a person needs: the
/// dashboard's login link, the gateway, the API documentation and the SMTP sink's web UI.
/// </summary>
public sealed class ReadinessReport(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    IConfiguration configuration,
    Stopwatch startup,
    StartTimeline timeline,
    EndpointReference gateway,
    EndpointReference sinkWeb) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every resource that has a health check (Aspire's own dashboard resource has none).
        var watched = model.Resources.Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any()).ToList();
        try
        {
            await Task.WhenAll(watched.Select(r => notifications.WaitForResourceHealthyAsync(r.Name, stoppingToken)));
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var elapsed = startup.Elapsed;
        var lines = new List<(string What, string Where)>();
        if (DashboardLogin() is { } login)
        {
            lines.Add(("tableau de bord (connexion)", login));
        }

        lines.Add(("site et API (passerelle)", gateway.Url));
        lines.Add(("documentation des API", $"{gateway.Url}/docs"));
        lines.Add(("courriels envoyés (serveur SMTP de test)", sinkWeb.Url));
        Console.WriteLine();
        Console.WriteLine($"Tout est prêt en {elapsed.TotalSeconds:0.0} s ({watched.Count} ressources en bonne santé).");
        foreach (var (what, where) in lines)
        {
            Console.WriteLine($"  {what,-42} {where}");
        }

        Console.WriteLine($"  démarrage : {timeline.Describe(watched.Select(r => r.Name))}");
        Console.WriteLine("Ctrl+C pour tout arrêter.");
    }

    private string? DashboardLogin()
    {
        var url = configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var token = configuration["AppHost:BrowserToken"];
        return url is null ? null : token is null ? url : $"{url.TrimEnd('/')}/login?t={token}";
    }
}

/// <summary>
/// When each resource started running and was first seen healthy, in seconds since the AppHost started. It watches from
/// before the resources start: the hosted services only start once DCP has started every resource.
/// </summary>
public sealed class StartTimeline(Stopwatch startup)
{
    private readonly Dictionary<string, (double? Running, double? Healthy)> _moments = [];

    public async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                lock (_moments)
                {
                    Record(update);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        void Record(ResourceEvent update)
        {
            var now = startup.Elapsed.TotalSeconds;
            var (running, healthy) = _moments.GetValueOrDefault(update.Resource.Name);
            if (running is null && update.Snapshot.State?.Text == KnownResourceStates.Running)
            {
                running = now;
            }

            if (healthy is null && update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                healthy = now;
            }

            _moments[update.Resource.Name] = (running, healthy);
        }
    }

    /// <summary>« postgres 2.9 → 3.4 s · … », in the order the resources became healthy.</summary>
    public string Describe(IEnumerable<string> names)
    {
        lock (_moments)
        {
            return string.Join(" · ", names
                .Select(name => (Name: name, Moment: _moments.GetValueOrDefault(name)))
                .OrderBy(entry => entry.Moment.Healthy ?? double.MaxValue)
                .Select(entry => $"{entry.Name} {Seconds(entry.Moment.Running)} → {Seconds(entry.Moment.Healthy)} s"));
        }
    }

    private static string Seconds(double? value) => value is { } seconds ? seconds.ToString("0.0") : "?";
}

public static class ReadinessReportExtensions
{
    public static IDistributedApplicationBuilder AddReadinessReport(
        this IDistributedApplicationBuilder builder, Stopwatch startup, IResourceBuilder<ProjectResource> gateway, IResourceBuilder<SmtpSinkResource> sink)
    {
        builder.Services.AddPatientHealthChecks();
        var timeline = new StartTimeline(startup);
        builder.Eventing.Subscribe<BeforeStartEvent>((started, cancellationToken) =>
        {
            var lifetime = started.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = timeline.WatchAsync(started.Services.GetRequiredService<ResourceNotificationService>(), lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ReadinessReport>(
            services, startup, timeline, gateway.GetEndpoint("http"), sink.Resource.Web));
        return builder;
    }
}
