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

        Console.WriteLine("Ctrl+C pour tout arrêter.");
    }

    private string? DashboardLogin()
    {
        var url = configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var token = configuration["AppHost:BrowserToken"];
        return url is null ? null : token is null ? url : $"{url.TrimEnd('/')}/login?t={token}";
    }
}

public static class ReadinessReportExtensions
{
    public static IDistributedApplicationBuilder AddReadinessReport(
        this IDistributedApplicationBuilder builder, Stopwatch startup, IResourceBuilder<ProjectResource> gateway, IResourceBuilder<SmtpSinkResource> sink)
    {
        builder.Services.AddPatientHealthChecks();
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ReadinessReport>(
            services, startup, gateway.GetEndpoint("http"), sink.Resource.Web));
        return builder;
    }
}
