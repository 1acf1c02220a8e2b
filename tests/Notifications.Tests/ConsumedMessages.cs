using System.Collections.Concurrent;
using MassTransit;

namespace Notifications.Tests;

/// <summary>Records each message the service's bus has finished consuming (or failed to), by message id.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentQueue<Guid> _completed = new();
    private readonly ConcurrentQueue<(Guid MessageId, string Error)> _faults = new();

    public int CompletedCount(Guid messageId) => _completed.Count(id => id == messageId);

    public IReadOnlyList<string> Faults(Guid messageId) =>
        _faults.Where(fault => fault.MessageId == messageId).Select(fault => fault.Error).ToList();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _completed.Enqueue(id);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id)
        {
            _faults.Enqueue((id, exception.ToString()));
        }

        return Task.CompletedTask;
    }
}
