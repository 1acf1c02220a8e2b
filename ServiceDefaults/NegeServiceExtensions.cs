using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shape every NEGE business service shares: defaults, its own database, messaging through its
/// outbox and its queue, access tokens validated against its own audience, its OpenAPI document at
/// its gateway path, and an administrators' view of its outbox.
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
        builder.AddNegeAuthentication(AuthenticationExtensions.AudienceOf(serviceName));
        builder.Services.ForwardOriginalHost();
        builder.Services.AddServiceOpenApi(serviceName, title);
        return builder;
    }

    public static WebApplication MapNegeService<TDbContext>(this WebApplication app, string serviceName)
        where TDbContext : DbContext
    {
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapServiceOpenApi(serviceName);
        app.MapMessagingStatus<TDbContext>(serviceName);
        return app;
    }
}
