using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Nege.ServiceDefaults.Http;

namespace Nege.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>The audience of a service's API in NEGE's access tokens.</summary>
    public static string AudienceOf(string service) => "nege-" + service;

    /// <summary>
    /// The issuer every service trusts (<c>Identity:Issuer</c>, the gateway's public address), with a
    /// trailing slash as OpenIddict writes it in tokens.
    /// </summary>
    public static string IssuerOf(IConfiguration configuration)
    {
        var issuer = configuration.GetRequiredValue("Identity:Issuer");
        return issuer.EndsWith('/') ? issuer : issuer + "/";
    }

    /// <summary>
    /// Validates NEGE access tokens (JWT): issuer, one of <paramref name="audiences"/>, lifetime and
    /// signature, with the keys read from the issuer's discovery document
    /// (<c>Identity:MetadataAddress</c>, by default under the issuer). Registers every named policy.
    /// </summary>
    public static IHostApplicationBuilder AddNegeAuthentication(this IHostApplicationBuilder builder, params string[] audiences)
    {
        var issuer = IssuerOf(builder.Configuration);
        var metadataAddress = builder.Configuration["Identity:MetadataAddress"] is { Length: > 0 } configured
            ? configured
            : issuer + ".well-known/openid-configuration";

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MetadataAddress = metadataAddress;
                options.RequireHttpsMetadata = metadataAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudiences = audiences,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    NameClaimType = NegeClaims.Name,
                    RoleClaimType = NegeClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorization(options =>
        {
            foreach (var policy in AccessPolicies.All)
            {
                options.AddPolicy(policy.Name, rule => rule
                    .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => policy.Allows(context.User)));
            }
        });
        return builder;
    }

    /// <summary>Only callers allowed by <paramref name="policy"/>; the policy also stays in the endpoint's metadata.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder endpoint, AccessPolicy policy) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy.Name).WithMetadata(policy);

    /// <summary>Anyone may call it, and says so.</summary>
    public static TBuilder AllowEveryone<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AllowAnonymous().WithMetadata(PublicEndpoint.Instance);

    /// <summary>
    /// Behind the gateway, the original host as well as the scheme and client address come from
    /// <c>X-Forwarded-*</c> (Aspire's switch forwards only the last two), so that the links and
    /// redirections a service builds use the address people see.
    /// </summary>
    public static IServiceCollection ForwardOriginalHost(this IServiceCollection services) =>
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            if (options.ForwardedHeaders != ForwardedHeaders.None)
            {
                options.ForwardedHeaders |= ForwardedHeaders.XForwardedHost;
            }
        });
}
