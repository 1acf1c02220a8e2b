using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Contracts.Membership;
using Nege.Notifications;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// The Notifications service on a fresh database of its own, with real PostgreSQL, RabbitMQ and
/// SMTP sink; every message its bus consumes is observed.
/// </summary>
public sealed class NotificationsService() : ServiceUnderTest<Program, NotificationsDbContext>(ResourceNames.Notifications)
{
    /// <summary>Not the default of appsettings.json: proves the service reads <c>Notifications:President:Email</c>.</summary>
    public const string PresidentEmail = "presidence-tests@exemple.fr";

    private ConnectHandle? _observer;

    public TestSmtpSink SmtpSink { get; } = new();

    public ConsumedMessages Consumed { get; } = new();

    /// <summary>Directory's CV downloads, where the service fetches a contact message's CV.</summary>
    public DirectoryStub DirectoryApi { get; private set; } = null!;

    /// <summary>Between the service and the sink: the service's SMTP connections, and a sink that can go down.</summary>
    public SmtpProxy Smtp { get; private set; } = null!;

    protected override async Task StartDependenciesAsync()
    {
        await SmtpSink.InitializeAsync();
        Smtp = new SmtpProxy(new Uri(SmtpSink.ConnectionString).Port);
        Smtp.Start();
        DirectoryApi = await DirectoryStub.StartAsync();
    }

    protected override async Task StopDependenciesAsync()
    {
        _observer?.Disconnect();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        await SmtpSink.DisposeAsync();
        if (DirectoryApi is not null)
        {
            await DirectoryApi.DisposeAsync();
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
        [
            new($"ConnectionStrings:{ResourceNames.Smtp}", Smtp.ConnectionString),
            new("Notifications:President:Email", PresidentEmail),
            new("Notifications:Directory:BaseAddress", DirectoryApi.BaseAddress),
        ];

    protected override Task OnStartedAsync()
    {
        _observer = Factory.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
        return Task.CompletedTask;
    }

    /// <summary>Publishes the event on the broker as Membership's outbox relay does: the message id chosen by the publisher.</summary>
    public Task PublishAsync<TEvent>(TEvent integrationEvent, Guid messageId) where TEvent : class =>
        Factory.Services.GetRequiredService<IBus>().Publish(integrationEvent, context => context.MessageId = messageId);

    /// <summary>Waits until the service has finished consuming <paramref name="messageId"/> <paramref name="times"/> times, and fails on any consume fault of it.</summary>
    public async Task WaitUntilConsumedAsync(Guid messageId, int times)
    {
        await Eventually.UntilAsync(
            () => Consumed.CompletedCount(messageId) >= times || Consumed.Faults(messageId).Count > 0,
            TimeSpan.FromSeconds(30),
            $"message {messageId} consumed {times} time(s)");
        Assert.Empty(Consumed.Faults(messageId));
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsService>
{
    public const string Name = "notifications";
}
