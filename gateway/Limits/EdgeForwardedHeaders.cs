using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Nege.Gateway.Limits;

/// <summary>
/// The gateway is the edge: it believes a client's <c>X-Forwarded-*</c> headers only from proxies
/// listed in <c>Gateway:TrustedProxies</c> (none by default), otherwise anyone could pick the address
/// the per-client rate limit counts. (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, injected into every
/// project as Aspire does, trusts every sender; the services behind the gateway rely on that.)
/// </summary>
public static class EdgeForwardedHeaders
{
    public static IHostApplicationBuilder AddEdgeForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection("Gateway:TrustedProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            if (trusted.Length == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        return builder;
    }
}
