using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Nege.ServiceDefaults.Data;

/// <summary>
/// Wakes a worker (the outbox relay, Notifications' delivery worker, Directory's logo fetcher) as soon
/// as a transaction that added <typeparamref name="TRow"/> rows — or changed them as the worker's
/// condition says — commits; never before, so the worker never looks for a row that may yet roll back.
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
/// Signals <see cref="CommitSignal{TRow}"/> once a save where a tracked row met <paramref name="raises"/> is committed:
/// after <c>SaveChanges</c> when it ran in its own transaction, or after the explicit transaction's commit.
/// </summary>
/// <param name="raises">
/// Which tracked rows call for the worker, read when <c>SaveChanges</c> starts (<see cref="CommitSignalExtensions.Added"/>
/// for new rows).
/// </param>
public sealed class CommitSignalInterceptor<TRow>(CommitSignal<TRow> signal, Func<EntityEntry<TRow>, bool> raises)
    : DbTransactionInterceptor, ISaveChangesInterceptor
    where TRow : class
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MarkIfRaised(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkIfRaised(eventData.Context);
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

    private void MarkIfRaised(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<TRow>().Any(raises))
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
        where TRow : class =>
        services.AddCommitSignal<TDbContext, TRow>(Added);

    /// <summary>
    /// A <see cref="CommitSignal{TRow}"/> raised by every <typeparamref name="TDbContext"/> that commits a save where a
    /// tracked <typeparamref name="TRow"/> met <paramref name="raises"/> (read before EF detects what changed: test the
    /// entity itself rather than its entry's state when the worker looks for a changed value).
    /// </summary>
    public static IServiceCollection AddCommitSignal<TDbContext, TRow>(this IServiceCollection services, Func<EntityEntry<TRow>, bool> raises)
        where TDbContext : DbContext
        where TRow : class
    {
        services.AddSingleton<CommitSignal<TRow>>();
        services.AddSingleton(provider => new CommitSignalInterceptor<TRow>(provider.GetRequiredService<CommitSignal<TRow>>(), raises));
        // Singleton, as the context's options are (see AddServiceDatabase).
        services.ConfigureDbContext<TDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<CommitSignalInterceptor<TRow>>()), ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>The rows the save adds.</summary>
    public static bool Added<TRow>(EntityEntry<TRow> entry)
        where TRow : class =>
        entry.State == EntityState.Added;
}
