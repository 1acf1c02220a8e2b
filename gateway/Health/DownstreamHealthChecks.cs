using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nege.Gateway.Routing;
using Nege.ServiceDefaults;

namespace Nege.Gateway.Health;

/// <summary>The gateway is ready only when every service behind it is: one check per service, by name.</summary>
public static class DownstreamHealthChecks
{
    public const string HttpClientName = "downstream-health";

    public static IHostApplicationBuilder AddDownstreamHealthChecks(this IHostApplicationBuilder builder)
    {
        // Probes must not be retried or delayed by the standard resilience pipeline: a short, plain client.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental.
        builder.Services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        var checks = builder.Services.AddHealthChecks();
        foreach (var service in ResourceNames.ApiServices.Append(ResourceNames.Site))
        {
            var address = new Uri(ProxyRoutes.DestinationOf(service, builder.Configuration), "/health");
            checks.Add(new HealthCheckRegistration(
                service,
                services => new DownstreamHealthCheck(services.GetRequiredService<IHttpClientFactory>(), address),
                HealthStatus.Unhealthy,
                [ServiceDefaultsExtensions.ReadyTag]));
        }

        return builder;
    }

    private sealed class DownstreamHealthCheck(IHttpClientFactory clients, Uri address) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var response = await client.GetAsync(address, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"{address.Authority} répond.")
                    : HealthCheckResult.Unhealthy($"{address.Authority} répond {(int)response.StatusCode}.");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{address.Authority} ne répond pas.", exception);
            }
        }
    }
}
