using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Security;

namespace Nege.Testing;

/// <summary>How a token is made wrong, to prove it is refused.</summary>
public enum Forgery
{
    /// <summary>Signed by a key the issuer never published.</summary>
    OtherKey,

    /// <summary>Signed by the issuer, for an audience no NEGE service has.</summary>
    WrongAudience,

    /// <summary>Signed by the issuer, expired ten minutes ago (beyond any clock skew).</summary>
    Expired,

    /// <summary>Signed by the issuer's key but naming another issuer.</summary>
    WrongIssuer,

    /// <summary><c>alg: none</c>, no signature.</summary>
    Unsigned,
}

/// <summary>
/// A stand-in for NEGE's OpenID Connect server (OpenIddict in Membership) on real Kestrel at a free
/// loopback port: it publishes its discovery document and its signing key (RSA, generated at start)
/// and mints RS256 access tokens shaped as the real server's (<c>typ: at+jwt</c>, <c>caller_type</c>,
/// <c>role</c>, space-separated <c>scope</c>…). Services under test are pointed at it with
/// <c>Identity:Issuer</c> and <c>Identity:MetadataAddress</c> (see <see cref="Settings"/>).
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly RsaSecurityKey _otherKey;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    private TestTokenIssuer(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "nege-test-" + Guid.NewGuid().ToString("N")[..8] };

        // Same key id as the published key: only the signature can tell them apart.
        _otherKey = new RsaSecurityKey(_otherRsa) { KeyId = _key.KeyId };
    }

    /// <summary>The issuer as tokens carry it, with a trailing slash: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public string Issuer { get; private set; } = "";

    public string MetadataAddress => Issuer + ".well-known/openid-configuration";

    public string JwksAddress => Issuer + ".well-known/jwks";

    /// <summary>What a service or the gateway needs to trust this issuer.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Identity:Issuer"] = Issuer,
        ["Identity:MetadataAddress"] = MetadataAddress,
    };

    /// <summary>Every service's API audience (<c>nege-&lt;service&gt;</c>).</summary>
    public static IReadOnlyList<string> AllServiceAudiences { get; } =
        [.. ResourceNames.ApiServices.Select(AuthenticationExtensions.AudienceOf)];

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestTokenIssuer(app);
        app.MapGet("/.well-known/openid-configuration", issuer.DiscoveryDocument);
        app.MapGet("/.well-known/jwks", issuer.KeySet);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await issuer.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        issuer.Issuer = address.TrimEnd('/') + "/";
        return issuer;
    }

    /// <summary>
    /// A person's token (authorization code flow) with these roles, for <paramref name="audiences"/>
    /// (by default every service's API).
    /// </summary>
    public string ForPerson(
        IEnumerable<string> roles,
        Guid? organisationId = null,
        IEnumerable<string>? audiences = null,
        Guid? subject = null,
        string name = "Camille Exemple",
        string email = "camille.exemple@example.org")
    {
        var claims = PersonClaims(roles, organisationId, subject, name, email);
        return Mint(claims, audiences ?? AllServiceAudiences, Issuer, DateTime.UtcNow, _key);
    }

    /// <summary>An administrator's token for every service's API.</summary>
    public string ForAdmin() => ForPerson([NegeRoles.Admin]);

    /// <summary>
    /// A partner system's token (client credentials): its client id, the organisation it is bound
    /// to, the scopes granted, role <c>employment_partner</c>, audience <c>nege-candidates</c> unless told.
    /// </summary>
    public string ForPartnerClient(string clientId, Guid organisationId, IEnumerable<string> scopes, IEnumerable<string>? audiences = null)
    {
        var claims = PartnerClaims(clientId, organisationId, scopes);
        return Mint(claims, audiences ?? [AuthenticationExtensions.AudienceOf(ResourceNames.Candidates)], Issuer, DateTime.UtcNow, _key);
    }

    /// <summary>A person's token with <paramref name="roles"/>, made wrong as <paramref name="forgery"/> says.</summary>
    public string Forge(Forgery forgery, params string[] roles)
    {
        var claims = PersonClaims(roles, null, null, "Camille Exemple", "camille.exemple@example.org");
        var now = DateTime.UtcNow;
        return forgery switch
        {
            Forgery.OtherKey => Mint(claims, AllServiceAudiences, Issuer, now, _otherKey),
            Forgery.WrongAudience => Mint(claims, ["nege-elsewhere"], Issuer, now, _key),
            Forgery.Expired => Mint(claims, AllServiceAudiences, Issuer, now - Lifetime - TimeSpan.FromMinutes(10), _key),
            Forgery.WrongIssuer => Mint(claims, AllServiceAudiences, "http://127.0.0.1:9/", now, _key),
            Forgery.Unsigned => Unsigned(Mint(claims, AllServiceAudiences, Issuer, now, _key)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _otherRsa.Dispose();
    }

    private static Dictionary<string, object> PersonClaims(IEnumerable<string> roles, Guid? organisationId, Guid? subject, string name, string email)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [NegeClaims.Subject] = (subject ?? Guid.NewGuid()).ToString(),
            [NegeClaims.CallerType] = NegeClaims.Person,
            [NegeClaims.Name] = name,
            [NegeClaims.Email] = email,
            [NegeClaims.ClientId] = "nege-site",
            [NegeClaims.Scope] = "openid profile email roles",
        };
        var roleList = roles.ToArray();
        if (roleList.Length > 0)
        {
            claims[NegeClaims.Role] = roleList;
        }

        if (organisationId is { } organisation)
        {
            claims[NegeClaims.OrganisationId] = organisation.ToString();
        }

        return claims;
    }

    private static Dictionary<string, object> PartnerClaims(string clientId, Guid organisationId, IEnumerable<string> scopes) => new(StringComparer.Ordinal)
    {
        [NegeClaims.Subject] = clientId,
        [NegeClaims.CallerType] = NegeClaims.PartnerClient,
        [NegeClaims.ClientId] = clientId,
        [NegeClaims.OrganisationId] = organisationId.ToString(),
        [NegeClaims.Role] = new[] { NegeRoles.EmploymentPartner },
        [NegeClaims.Scope] = string.Join(' ', scopes),
    };

    private string Mint(Dictionary<string, object> claims, IEnumerable<string> audiences, string issuer, DateTime issuedAt, SecurityKey key)
    {
        var payload = new Dictionary<string, object>(claims, StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Aud] = audiences.ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = payload,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + Lifetime,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same payload under <c>{"alg":"none"}</c>, signature removed.</summary>
    private static string Unsigned(string signed)
    {
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""));
        return $"{header}.{payload}.";
    }

    private IResult DiscoveryDocument() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = JwksAddress,
        ["token_endpoint"] = Issuer + "connect/token",
        ["authorization_endpoint"] = Issuer + "connect/authorize",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
    });

    private IResult KeySet()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var key = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = _key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return Results.Text(JsonSerializer.Serialize(new { keys = new[] { key } }), "application/json");
    }
}
