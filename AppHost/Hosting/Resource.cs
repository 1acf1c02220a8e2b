using Nege.AppHost.Infrastructure;

namespace Nege.AppHost.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Stopped,
    Exited,
    FailedToStart,
}

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}

public sealed record ResourceEndpoint(string Name, string Url);

/// <summary>Something the AppHost runs or provides, in the shape of an Aspire resource.</summary>
public abstract class Resource(string name, string kind)
{
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public ResourceHealth Health { get; internal set; } = ResourceHealth.Unknown;

    public DateTimeOffset? StartedAt { get; private set; }

    public int RestartCount { get; private set; }

    public int? ExitCode { get; private set; }

    public string? Error { get; private set; }

    public LogBuffer Logs { get; } = new();

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    public virtual IReadOnlyList<ResourceEndpoint> Endpoints => [];

    public abstract int? Pid { get; }

    /// <summary>Whether ops may stop, start and restart it from the dashboard.</summary>
    public virtual bool CanBeControlled => false;

    public event Action<Resource>? StateChanged;

    protected internal void AddWaitFor(Resource resource)
    {
        if (!_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    /// <summary>Starts the resource; returns a task that completes when its process exits (or never, for one without).</summary>
    protected abstract Task<Task<int>?> StartCoreAsync(CancellationToken cancellationToken);

    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    protected abstract Task StopCoreAsync();

    internal void MarkWaiting() => SetState(ResourceState.Waiting);

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        if (State is ResourceState.Exited or ResourceState.Stopped or ResourceState.FailedToStart)
        {
            RestartCount++;
        }

        ExitCode = null;
        Error = null;
        Health = ResourceHealth.Unknown;
        SetState(ResourceState.Starting);
        Task<int>? exited;
        try
        {
            exited = await StartCoreAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Error = exception.Message;
            Logs.Write(exception.Message, isError: true);
            SetState(ResourceState.FailedToStart);
            throw;
        }

        StartedAt = DateTimeOffset.UtcNow;
        SetState(ResourceState.Running);
        if (exited is not null)
        {
            _ = exited.ContinueWith(task => OnExited(task.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    internal async Task StopAsync()
    {
        if (State is not (ResourceState.Running or ResourceState.Starting))
        {
            return;
        }

        SetState(ResourceState.Stopping);
        await StopCoreAsync();
        Health = ResourceHealth.Unknown;
        SetState(ResourceState.Stopped);
    }

    private void OnExited(int exitCode)
    {
        ExitCode = exitCode;
        if (State is ResourceState.Stopping or ResourceState.Stopped)
        {
            return;
        }

        Health = ResourceHealth.Unhealthy;
        Logs.Write($"Le processus s'est arrêté (code {exitCode}).", isError: true);
        SetState(ResourceState.Exited);
    }

    private void SetState(ResourceState state)
    {
        State = state;
        StateChanged?.Invoke(this);
    }
}

/// <summary>A resource others reach through a connection string (<c>ConnectionStrings__&lt;name&gt;</c>).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}
