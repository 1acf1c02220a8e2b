using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Messaging;
using ServiceDefaults.Tests.Contracts;

namespace ServiceDefaults.Tests
{
    /// <summary>A service's own database in these tests: the outbox, the inbox and one table of effects.</summary>
    public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
    {
        public DbSet<Effect> Effects => Set<Effect>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.AddOutboxAndInbox();
            modelBuilder.Entity<Effect>(effect =>
            {
                effect.ToTable("effects");
                effect.HasKey(e => e.Id);
            });
        }
    }

    public sealed class Effect
    {
        public Guid Id { get; init; }

        public Guid MessageId { get; init; }

        public required string Note { get; init; }
    }

    /// <summary>What the consumers of a test saw: every delivery, by message id, with its trace.</summary>
    public sealed class DeliveryLog
    {
        private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
        private readonly ConcurrentDictionary<Guid, ActivityTraceId?> _traces = new();

        public void Record(Guid messageId, ActivityTraceId? trace = null)
        {
            _deliveries.AddOrUpdate(messageId, 1, (_, count) => count + 1);
            _traces.TryAdd(messageId, trace);
        }

        public int Count(Guid messageId) => _deliveries.GetValueOrDefault(messageId);

        public int Total => _deliveries.Values.Sum();

        public IReadOnlyDictionary<Guid, int> All => _deliveries;

        public ActivityTraceId? TraceOf(Guid messageId) => _traces.GetValueOrDefault(messageId);
    }

    /// <summary>Records every delivery; a plain consumer, so duplicates would show.</summary>
    public sealed class RecordingConsumer(DeliveryLog log) : IConsumer<SomethingHappened>
    {
        public Task Consume(ConsumeContext<SomethingHappened> context)
        {
            log.Record(context.MessageId!.Value, Activity.Current?.TraceId);
            return Task.CompletedTask;
        }
    }

    /// <summary>An effect in the database per message, through the inbox.</summary>
    public sealed class EffectConsumer(TestDbContext db, TimeProvider clock, ILogger<EffectConsumer> logger)
        : IdempotentConsumer<SomethingHappened, TestDbContext>(db, clock, logger)
    {
        protected override Task HandleAsync(ConsumeContext<SomethingHappened> context, CancellationToken cancellationToken)
        {
            Db.Effects.Add(new Effect { Id = Guid.NewGuid(), MessageId = context.MessageId!.Value, Note = context.Message.Note });
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts every consumption that completed, duplicates included.</summary>
    public sealed class CompletedConsumptions(DeliveryLog log) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            log.Record(context.MessageId!.Value);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    public sealed class RoutedRecordingConsumer(DeliveryLog log) : IConsumer<SomethingRouted>
    {
        public Task Consume(ConsumeContext<SomethingRouted> context)
        {
            log.Record(context.MessageId!.Value);
            return Task.CompletedTask;
        }
    }

    public sealed class AlwaysFailingConsumer(DeliveryLog log) : IConsumer<SomethingFailed>
    {
        public Task Consume(ConsumeContext<SomethingFailed> context)
        {
            log.Record(context.MessageId!.Value);
            throw new InvalidOperationException("Ce consommateur échoue toujours.");
        }
    }

    /// <summary>A service as AddMessaging builds it: its database (outbox, inbox), its bus, its relay, its queue.</summary>
    public sealed class MessagingHost : IAsyncDisposable
    {
        private MessagingHost(IHost host) => Host = host;

        public IHost Host { get; }

        public IServiceProvider Services => Host.Services;

        public static async Task<MessagingHost> StartAsync(
            string databaseConnectionString,
            string brokerConnectionString,
            string queue,
            Action<IBusRegistrationConfigurator>? addConsumers,
            DeliveryLog log,
            IDictionary<string, string?>? settings = null,
            Action<IServiceCollection>? configureServices = null)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:test-db"] = databaseConnectionString,
                ["ConnectionStrings:messaging"] = brokerConnectionString,
                ["Outbox:PublishTimeout"] = "00:00:03",
                ["Outbox:MaxBackoff"] = "00:00:01",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(log);
            builder.AddServiceDatabase<TestDbContext>("test-db");
            builder.AddMessaging<TestDbContext>(queue, addConsumers, messaging =>
            {
                messaging.RetryLimit = 2;
                messaging.RetryMinInterval = TimeSpan.FromMilliseconds(10);
                messaging.RetryMaxInterval = TimeSpan.FromMilliseconds(50);
            });

            configureServices?.Invoke(builder.Services);
            var host = builder.Build();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
            }

            await host.StartAsync();

            // The bus starts in the background: publishing before the queue is bound would lose the message.
            var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            if (health != BusHealthStatus.Healthy)
            {
                throw new InvalidOperationException($"The bus is {health} after 30 s.");
            }

            return new MessagingHost(host);
        }

        /// <summary>Writes events to the outbox in one transaction, as a service does with its state change.</summary>
        public async Task<IReadOnlyList<Guid>> CommitEventsAsync(int count, string note, bool explicitTransaction = false)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var ids = new List<Guid>();
            await using var transaction = explicitTransaction ? await db.Database.BeginTransactionAsync() : null;
            for (var i = 0; i < count; i++)
            {
                ids.Add(db.AddToOutbox(new SomethingHappened(Guid.NewGuid(), $"{note} {i}"), DateTimeOffset.UtcNow).Id);
            }

            await db.SaveChangesAsync();
            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }

            return ids;
        }

        public async Task<T> QueryAsync<T>(Func<TestDbContext, Task<T>> query)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            return await query(db);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }
}

namespace ServiceDefaults.Tests.Contracts
{
    public sealed record SomethingHappened(Guid Id, string Note);

    public sealed record SomethingFailed(Guid Id);

    /// <summary>Published mandatory (<see cref="Nege.ServiceDefaults.Messaging.OutboxRelayOptions.MustBeRouted"/>) in its test.</summary>
    public sealed record SomethingRouted(Guid Id);
}
