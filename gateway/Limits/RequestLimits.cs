using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nege.Gateway.Security;

namespace Nege.Gateway.Limits;

public static class RequestLimits
{
    public const string PublicWritePolicy = "public-write";

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PublicWritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PublicWriteRateLimit.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.PublicWriteRateLimit.WindowSeconds),
                    QueueLimit = 0,
                }));

            // Every request of a partner system, whatever the route, counts against its client id.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                GatewayAccess.PartnerClientOf(context.User) is { } clientId
                    ? RateLimitPartition.GetFixedWindowLimiter("partner:" + clientId, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PartnerRateLimit.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.PartnerRateLimit.WindowSeconds),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        detail: "Vous avez envoyé trop de demandes en peu de temps. Veuillez patienter avant de réessayer.")
                    .ExecuteAsync(context);
            };
        });
        return builder;
    }

    /// <summary>
    /// Rejects a declared body larger than the limit with 413 problem details before it is proxied;
    /// Kestrel's own limit stops an undeclared (chunked) one while it streams. Then the caller is
    /// authenticated (a partner system is known by its token), anonymous calls to routes that are not
    /// public are refused with 401, and the rate limits apply.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(
                        statusCode: StatusCodes.Status413PayloadTooLarge,
                        detail: $"Le corps de la requête dépasse la taille maximale autorisée ({limit / 1024} Ko).")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client as seen through forwarded headers: its IP address.</summary>
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
