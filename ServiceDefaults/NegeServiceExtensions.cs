using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shape every NEGE business service shares: defaults, its own database, messaging through its
/// outbox and its queue, and its OpenAPI document at its gateway path.
/// </summary>
public static class NegeServiceExtensions
{
    public static WebApplicationBuilder AddNegeService<TDbContext>(
        this WebApplicationBuilder builder,
        string serviceName,
        string title,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TDbContext : DbContext
    {
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TDbContext>(ResourceNames.DatabaseOf(serviceName));
        builder.AddMessaging<TDbContext>(serviceName, addConsumers);
        builder.Services.AddServiceOpenApi(serviceName, title);
        return builder;
    }

    public static WebApplication MapNegeService(this WebApplication app, string serviceName)
    {
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapServiceOpenApi(serviceName);
        return app;
    }
}
