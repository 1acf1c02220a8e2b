using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Nege.ServiceDefaults.Data;

/// <summary>
/// Wakes a worker (the outbox relay, Notifications' delivery worker) as soon as a transaction that
/// added <typeparamref name="TRow"/> rows commits — never before, so the worker never looks for a
/// row that may yet roll back.
/// </summary>
public sealed class CommitSignal<TRow> where TRow : class
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
            // Already signalled: the worker reads every pending row anyway.
        }
    }

    /// <summary>Waits for a signal, or the timeout (which keeps the worker resuming after a crash or a missed signal).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Signals <see cref="CommitSignal{TRow}"/> once added rows are committed: after <c>SaveChanges</c>
/// when it ran in its own transaction, or after the explicit transaction's commit.
/// </summary>
public sealed class CommitSignalInterceptor<TRow>(CommitSignal<TRow> signal) : DbTransactionInterceptor, ISaveChangesInterceptor
    where TRow : class
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MarkIfAdded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfAdded(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalIfPending(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        SignalIfPending(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    private static void MarkIfAdded(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<TRow>().Any(entry => entry.State == EntityState.Added))
        {
            Pending.AddOrUpdate(context, true);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            SignalIfPending(context);
        }
    }

    private void SignalIfPending(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            signal.Notify();
        }
    }
}

public static class CommitSignalExtensions
{
    /// <summary>A <see cref="CommitSignal{TRow}"/> raised by every <typeparamref name="TDbContext"/> that commits new <typeparamref name="TRow"/> rows.</summary>
    public static IServiceCollection AddCommitSignal<TDbContext, TRow>(this IServiceCollection services)
        where TDbContext : DbContext
        where TRow : class
    {
        services.AddSingleton<CommitSignal<TRow>>();
        services.AddSingleton<CommitSignalInterceptor<TRow>>();
        services.ConfigureDbContext<TDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<CommitSignalInterceptor<TRow>>()));
        return services;
    }
}
