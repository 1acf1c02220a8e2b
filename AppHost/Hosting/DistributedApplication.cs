using System.Runtime.InteropServices;
using Nege.AppHost.Dashboard;

namespace Nege.AppHost.Hosting;

/// <summary>
/// Runs the declared resources: each starts once what it waits for is healthy; health is watched
/// while they run; stopping goes in reverse order and leaves no process behind.
/// </summary>
public sealed class DistributedApplication(AppHostOptions options, IReadOnlyList<Resource> resources, DashboardPorts? dashboardPorts) : IAsyncDisposable
{
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private DashboardServer? _dashboard;
    private Task? _healthMonitor;
    private bool _stopped;

    public IReadOnlyList<Resource> Resources => resources;

    public AppHostOptions Options => options;

    public string? DashboardUrl => dashboardPorts is null ? null : $"http://localhost:{dashboardPorts.Http}";

    public Resource this[string name] => resources.Single(resource => resource.Name == name);

    /// <summary>Starts everything and returns once every resource is healthy; throws (with the culprit's output) otherwise.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (options.Verbose)
        {
            foreach (var resource in resources)
            {
                resource.Logs.LineWritten += line => Console.WriteLine($"[{resource.Name}] {line.Text}");
            }
        }

        foreach (var resource in resources)
        {
            resource.StateChanged += changed => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {changed.Name,-16} {ResourceStates.French(changed.State)}");
        }

        if (dashboardPorts is not null)
        {
            _dashboard = new DashboardServer(this, dashboardPorts);
            await _dashboard.StartAsync(cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(options.StartTimeout);
        var starts = resources.ToDictionary(resource => resource, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // The first resource that fails stops the others' start: no waiting for the rest to time out.
        var tasks = resources.Select(async resource =>
        {
            try
            {
                await StartWhenReadyAsync(resource, starts, timeout.Token);
            }
            catch
            {
                await timeout.CancelAsync();
                throw;
            }
        }).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            var failed = resources.FirstOrDefault(r => r.State is ResourceState.FailedToStart or ResourceState.Exited)
                         ?? resources.FirstOrDefault(r => r.Health != ResourceHealth.Healthy);
            var message = failed is null
                ? "Le démarrage a échoué."
                : $"{failed.Name} n'a pas démarré ({ResourceStates.French(failed.State)}{(failed.Error is null ? "" : ": " + failed.Error)}). Dernières lignes :{Environment.NewLine}{failed.Logs.Tail(40)}";
            throw new InvalidOperationException(message, tasks.Select(t => t.Exception).FirstOrDefault(e => e is not null));
        }

        _healthMonitor = MonitorHealthAsync(_stopping.Token);
    }

    /// <summary>Starts, prints the resources, and runs until Ctrl+C or SIGTERM; then stops everything.</summary>
    public async Task<int> RunAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        var started = DateTime.UtcNow;
        try
        {
            var startTask = StartAsync(_stopping.Token);
            if (await Task.WhenAny(startTask, stop.Task) == stop.Task)
            {
                await _stopping.CancelAsync();
            }

            await startTask;
            Console.WriteLine();
            Console.WriteLine($"Tout est prêt en {(DateTime.UtcNow - started).TotalSeconds:0.0} s.");
            Console.WriteLine(ResourceTable.Render(this));
            Console.WriteLine("Ctrl+C pour tout arrêter.");
            await stop.Task;
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine(exception.Message);
            return stop.Task.IsCompleted ? 0 : 1;
        }
        finally
        {
            Console.WriteLine("Arrêt de toutes les ressources…");
            await StopAsync();
            Console.WriteLine("Tout est arrêté.");
        }
    }

    /// <summary>Stops what depends on others first (gateway, site, services), then the infrastructure.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync();
        foreach (var layer in StopLayers())
        {
            await Task.WhenAll(layer.Select(resource => resource.StopAsync()));
        }

        if (_healthMonitor is not null)
        {
            await _healthMonitor.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Restarts a project (from the dashboard): stop, start, wait until healthy.</summary>
    public async Task RestartAsync(Resource resource, CancellationToken cancellationToken)
    {
        await resource.StopAsync();
        await StartResourceAsync(resource, cancellationToken);
    }

    public Task StopResourceAsync(Resource resource) => resource.StopAsync();

    public async Task StartResourceAsync(Resource resource, CancellationToken cancellationToken)
    {
        await resource.StartAsync(cancellationToken);
        await WaitHealthyAsync(resource, cancellationToken);
    }

    private async Task StartWhenReadyAsync(Resource resource, Dictionary<Resource, TaskCompletionSource> starts, CancellationToken cancellationToken)
    {
        try
        {
            if (resource.WaitsFor.Count > 0)
            {
                resource.MarkWaiting();
                await Task.WhenAll(resource.WaitsFor.Select(dependency => starts[dependency].Task)).WaitAsync(cancellationToken);
            }

            await StartResourceAsync(resource, cancellationToken);
            starts[resource].TrySetResult();
        }
        catch (Exception exception)
        {
            starts[resource].TrySetException(exception);
            throw;
        }
    }

    private static async Task WaitHealthyAsync(Resource resource, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (resource.State is ResourceState.Exited or ResourceState.FailedToStart)
            {
                throw new InvalidOperationException($"{resource.Name} s'est arrêté pendant son démarrage.");
            }

            if (await resource.IsHealthyAsync(cancellationToken))
            {
                resource.Health = ResourceHealth.Healthy;
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(HealthInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var resource in resources.Where(r => r.State == ResourceState.Running))
                {
                    var healthy = await resource.IsHealthyAsync(cancellationToken);
                    var health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
                    if (health != resource.Health)
                    {
                        Console.WriteLine($"{DateTime.Now:HH:mm:ss} {resource.Name,-16} {(healthy ? "en bonne santé" : "en mauvaise santé")}");
                    }

                    resource.Health = health;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Layers in reverse dependency order: a resource stops only after everything that waits for it.</summary>
    private List<List<Resource>> StopLayers()
    {
        var remaining = resources.ToList();
        var layers = new List<List<Resource>>();
        while (remaining.Count > 0)
        {
            var layer = remaining.Where(candidate => !remaining.Any(other => other.WaitsFor.Contains(candidate))).ToList();
            if (layer.Count == 0)
            {
                layer = remaining.ToList();
            }

            layers.Add(layer);
            remaining.RemoveAll(layer.Contains);
        }

        return layers;
    }
}
