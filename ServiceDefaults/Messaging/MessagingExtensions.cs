using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nege.ServiceDefaults.Messaging;

public sealed class MessagingOptions
{
    /// <summary>The service's queue: all its consumers compete on it, across replicas.</summary>
    public required string QueueName { get; set; }

    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (connection string <c>messaging</c>), the transactional outbox of
    /// <typeparamref name="TDbContext"/> and the service's consumers on one queue, with retries
    /// (exponential back-off) before the error queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string queueName,
        Action<IBusRegistrationConfigurator>? addConsumers = null,
        Action<MessagingOptions>? configure = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(ResourceNames.Messaging);

        var messaging = new MessagingOptions { QueueName = queueName };
        configure?.Invoke(messaging);

        // Before the bus's hosted service, which starts after it.
        var broker = new Uri(connectionString);
        builder.Services.AddHostedService(services =>
            new BrokerListenerWait(broker, BrokerListenerWait.DefaultPatience, services.GetRequiredService<ILogger<BrokerListenerWait>>()));

        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                // Confirms make a publish complete only once the broker has the message: only then is the outbox row marked sent.
                rabbit.Host(broker, host => host.PublisherConfirmation = true);
                if (addConsumers is not null)
                {
                    rabbit.ReceiveEndpoint(messaging.QueueName, endpoint =>
                    {
                        endpoint.UseMessageRetry(retry => retry.Exponential(
                            messaging.RetryLimit, messaging.RetryMinInterval, messaging.RetryMaxInterval, messaging.RetryMinInterval));
                        endpoint.ConfigureConsumers(context);
                    });
                }
            });
        });

        // After the bus, so that the relay's first publish finds it started.
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }
}
