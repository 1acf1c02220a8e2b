using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nege.Membership;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace Membership.Tests;

/// <summary>The Membership service on a database of its own, with real PostgreSQL and RabbitMQ.</summary>
public sealed class MembershipService : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();

    public ServiceFactory<Program> Factory { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        DatabaseConnectionString = await _infrastructure.CreateDatabaseAsync("membership");
        Factory = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.MembershipDatabase}"] = DatabaseConnectionString,
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = _infrastructure.RabbitMqConnectionString,
        });
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    public async Task<T> QueryAsync<T>(Func<MembershipDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }
}

[CollectionDefinition(Name)]
public sealed class MembershipCollection : ICollectionFixture<MembershipService>
{
    public const string Name = "membership";
}
