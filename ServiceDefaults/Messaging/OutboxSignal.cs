namespace Nege.ServiceDefaults.Messaging;

/// <summary>Wakes the outbox relay as soon as a transaction that wrote events commits.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the relay will read every pending row anyway.
        }
    }

    /// <summary>Waits for a signal, or the timeout (which keeps the relay resuming after a crash or a missed signal).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
