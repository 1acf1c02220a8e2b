using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Nege.AppHost;

/// <summary>
/// Aspire checks a resource that is not healthy yet after 1 s, then 2 s, 3 s, 4 s, then every 5 s, and a
/// nudge does not make it check sooner (only a change of state does): a service ready just after a check
/// is seen healthy seconds later, and whatever waits for it waits as long. So each of the AppHost's health
/// checks, once it has failed (or before its first answer), keeps retrying within the same call every
/// <see cref="Interval"/> until it passes or <see cref="Patience"/> is over: a starting resource is seen
/// healthy the moment it is. A check that last passed runs once, so a resource going down shows at once.
/// </summary>
public static class PatientHealthChecks
{
    // Each failing check costs the starting service a failed health report, logged with its exception: at 200 ms the
    // seven starting .NET apps spent seconds of CPU on them, and `./nege up` was 1.5 to 3 s slower than at 600 ms.
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(600);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPatientHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>, MakePatient>();
        return services;
    }

    private sealed class MakePatient : IPostConfigureOptions<HealthCheckServiceOptions>
    {
        public void PostConfigure(string? name, HealthCheckServiceOptions options)
        {
            foreach (var registration in options.Registrations)
            {
                var inner = registration.Factory;
                var lastPassed = new LastResult();
                registration.Factory = services => new Patient(inner(services), lastPassed);
            }
        }
    }

    /// <summary>Whether a registration's last answer passed (each check run gets a new instance of the check).</summary>
    private sealed class LastResult
    {
        public volatile bool Passed;
    }

    private sealed class Patient(IHealthCheck inner, LastResult last) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var deadline = DateTimeOffset.UtcNow + Patience;
            while (true)
            {
                var result = await inner.CheckHealthAsync(context, cancellationToken);
                var passedBefore = last.Passed;
                last.Passed = result.Status == HealthStatus.Healthy;
                if (last.Passed || passedBefore || DateTimeOffset.UtcNow >= deadline)
                {
                    return result;
                }

                await Task.Delay(Interval, cancellationToken);
            }
        }
    }
}
