using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nege.LocalServers;
using Nege.ServiceDefaults;

namespace Nege.Testing.EndToEnd;

/// <summary>
/// The real AppHost started by <c>Aspire.Hosting.Testing</c> (shared by the end-to-end tests and
/// the benchmarks): free ports for the documented addresses, a temporary state folder, known secrets.
/// <c>settings</c> gives resources (by name) more environment variables; <c>configure</c> may do more before the build.
/// </summary>
public static class NegeSystem
{
    public static async Task<(DistributedApplication App, string SiteClientSecret)> StartAsync(
        string stateDirectory, bool durable, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> settings, CancellationToken cancellationToken,
        Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var siteClientSecret = Passwords.Generate();
        string[] arguments =
        [
            $"--AppHost:StateDirectory={stateDirectory}",
            $"--AppHost:Durable={durable}",
            $"--AppHost:Ports:Gateway={Free()}",
            $"--AppHost:Ports:Smtp={Free()}",
            $"--AppHost:Ports:SmtpWeb={Free()}",
            // Given here, the secrets are neither generated nor written to the AppHost's user secrets.
            $"--Parameters:site-client-secret={siteClientSecret}",
            $"--Parameters:news-digest-unsubscribe-key={Passwords.Generate()}",
            $"--Parameters:{ResourceNames.Postgres}-password={Passwords.Generate()}",
            $"--Parameters:{ResourceNames.Messaging}-password={Passwords.Generate()}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nege_AppHost>(
            arguments, (options, _) => options.DisableDashboard = true, cancellationToken);
        // The testing builder copies every resource's console into the host's log: keep only warnings,
        // or the tests (and the benchmarks) spend their CPU writing the services' SQL logs.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Nege.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning));
        foreach (var (resourceName, variables) in settings)
        {
            var resource = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == resourceName));
            foreach (var (key, value) in variables)
            {
                resource.WithEnvironment(key, value);
            }
        }

        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            // The gateway's health is every service's: healthy gateway, healthy system.
            await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cancellationToken);
            return (app, siteClientSecret);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops a resource as the dashboard's « Stop » does, and waits until it has stopped. The command itself gives up
    /// waiting after about 15 s (a clean stop can take longer on a busy machine) while DCP goes on stopping the
    /// resource: its state is what counts.
    /// </summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource)
    {
        await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => !StillUp.Contains(e.Snapshot.State?.Text), timeout.Token);
    }

    /// <summary>Starts it again (its environment evaluated anew) and waits until it is healthy.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        if (!result.Success)
        {
            throw new InvalidOperationException($"start {resource}: {result.Message}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    private static readonly string?[] StillUp = [KnownResourceStates.Running, KnownResourceStates.Starting, KnownResourceStates.Stopping];

    private static string Free() => Ports.Free().ToString(CultureInfo.InvariantCulture);
}
