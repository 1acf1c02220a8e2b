using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nege.Membership.OpenIdServer;

public static class OpenIdServerSetup
{
    /// <summary>The cookie of a person logged in on the identity server (not the site's own cookie).</summary>
    public const string IdentityCookie = "nege.identity";

    /// <summary>The account's security stamp in the login cookie (see <see cref="Accounts.Account.SecurityStamp"/>).</summary>
    public const string SecurityStampClaim = "security_stamp";


    public static WebApplicationBuilder AddOpenIdServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        builder.Services.AddOptions<MembershipIdentityOptions>().Bind(section);
        var options = section.Get<MembershipIdentityOptions>() ?? new MembershipIdentityOptions();
        var issuer = AuthenticationExtensions.IssuerOf(builder.Configuration);
        builder.Configuration.GetRequiredValue("Identity:SiteClient:Secret");

        var signing = ServerCertificates.FromConfiguration(builder.Configuration, ServerKey.Signing);
        var encryption = ServerCertificates.FromConfiguration(builder.Configuration, ServerKey.Encryption);
        if ((signing is null || encryption is null) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Missing configuration: the server's certificates (set Identity__SigningCertificate__Path and Identity__EncryptionCertificate__Path, with their __Password); they are generated only in Development.");
        }

        builder.Services.AddDataProtection()
            .SetApplicationName("nege-membership")
            .PersistKeysToDbContext<MembershipDbContext>();

        // Cookies are Secure whenever the request came over HTTPS (X-Forwarded-Proto from the edge): always
        // in production, while http://localhost on a developer's machine still works (anti-forgery refuses
        // to issue an "always secure" cookie on a plain-HTTP request).
        builder.Services.AddAuthentication()
            .AddCookie(IdentityCookie, cookie =>
            {
                cookie.Cookie.Name = IdentityCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = "/compte/connexion";
                cookie.AccessDeniedPath = "/compte/connexion";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "nege.identity.antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.HttpOnly = true;
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<MembershipDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. NegeScopes.Partner]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                // Every service validates access tokens itself from the discovery document's keys: JWT, signed, not encrypted.
                server.DisableAccessTokenEncryption();
                if (signing is not null && encryption is not null)
                {
                    server.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
                }

                // TLS ends before the gateway (or there is none on a developer's machine).
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        if (signing is null || encryption is null)
        {
            // Development: certificates generated once and kept in the database (after migrations, at first use).
            builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IConfiguration, TimeProvider>((server, configuration, clock) =>
            {
                var connectionString = configuration.GetRequiredConnectionString(ResourceNames.MembershipDatabase);
                var signingKey = new X509SecurityKey(ServerCertificates.LoadOrCreateInDatabase(connectionString, ServerKey.Signing, clock));
                var encryptionKey = new X509SecurityKey(ServerCertificates.LoadOrCreateInDatabase(connectionString, ServerKey.Encryption, clock));
                server.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Add(new EncryptingCredentials(encryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            });
        }

        builder.Services.AddHostedService<IdentityBootstrap>();
        builder.Services.AddSingleton<IdentityCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdentityCleanup>());
        return builder;
    }
}
