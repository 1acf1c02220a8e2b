using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Site.Tests;

/// <summary>A request the stub received.</summary>
public sealed record StubRequest(string Method, string PathAndQuery, string? Authorization, string ContentType, string Body)
{
    /// <summary>Every header of the request (the draft key of a membership application, say).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// What the stub answers: a status and a JSON body (problem details when the status is 400 or more),
/// or a file's bytes with their media type.
/// </summary>
public sealed record StubAnswer(int Status, object? Json = null)
{
    public byte[]? Bytes { get; init; }

    public string? BytesContentType { get; init; }

    /// <summary>Headers of the answer (a file's <c>Content-Disposition</c>, say).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static StubAnswer File(byte[] bytes, string contentType) => new(200) { Bytes = bytes, BytesContentType = contentType };
}

/// <summary>
/// Plays, on a real loopback port, what the gateway serves the site: Membership's OpenID Connect
/// discovery document and token endpoint, the Membership, Candidates and Billing APIs. Each test programs the answers.
/// </summary>
public sealed class StubIdentityServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication app;

    private readonly RSA signingKey = RSA.Create(2048);

    private const string KeyId = "stub-key";

    private StubIdentityServer(WebApplication app) => this.app = app;

    public string BaseAddress { get; private set; } = "";

    public string Issuer => BaseAddress + "/";

    public ConcurrentQueue<StubRequest> ApiRequests { get; } = new();

    public ConcurrentQueue<StubRequest> TokenRequests { get; } = new();

    /// <summary>Answers of <c>/api/membership/…</c>, <c>/api/candidates/…</c> and <c>/api/billing/…</c>; by default 404.</summary>
    public Func<StubRequest, StubAnswer> Api { get; set; } = _ => new StubAnswer(404);

    /// <summary>Answers of the token endpoint (refresh); by default <c>invalid_grant</c>.</summary>
    public Func<StubRequest, StubAnswer> Token { get; set; } = _ => new StubAnswer(400, new { error = "invalid_grant" });

    public void Reset()
    {
        ApiRequests.Clear();
        TokenRequests.Clear();
        Api = _ => new StubAnswer(404);
        Token = _ => new StubAnswer(400, new { error = "invalid_grant" });
    }

    public static async Task<StubIdentityServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubIdentityServer(app);

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = stub.Issuer,
            ["authorization_endpoint"] = stub.Issuer + "connect/authorize",
            ["token_endpoint"] = stub.Issuer + "connect/token",
            ["end_session_endpoint"] = stub.Issuer + "connect/logout",
            ["userinfo_endpoint"] = stub.Issuer + "connect/userinfo",
            ["jwks_uri"] = stub.Issuer + ".well-known/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () =>
        {
            var parameters = stub.signingKey.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA", use = "sig", alg = "RS256", kid = KeyId,
                        n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        app.MapPost("/connect/token", async context =>
            await AnswerAsync(context, stub.TokenRequests, stub.Token));
        app.Map("/api/membership/{**rest}", async context =>
            await AnswerAsync(context, stub.ApiRequests, stub.Api));
        app.Map("/api/candidates/{**rest}", async context =>
            await AnswerAsync(context, stub.ApiRequests, stub.Api));
        app.Map("/api/billing/{**rest}", async context =>
            await AnswerAsync(context, stub.ApiRequests, stub.Api));
        app.Map("/api/directory/{**rest}", async context =>
            await AnswerAsync(context, stub.ApiRequests, stub.Api));

        await app.StartAsync();
        stub.BaseAddress = app.Urls.Single().TrimEnd('/');
        return stub;
    }

    private static async Task AnswerAsync(HttpContext context, ConcurrentQueue<StubRequest> log, Func<StubRequest, StubAnswer> answer)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new StubRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            context.Request.ContentType ?? "",
            await reader.ReadToEndAsync())
        {
            Headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        log.Enqueue(request);
        var reply = answer(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Json is not null)
        {
            context.Response.ContentType = reply.Status >= 400 && context.Request.Path.StartsWithSegments("/api")
                ? "application/problem+json"
                : "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(reply.Json, Json));
        }
        else if (reply.Bytes is not null)
        {
            context.Response.ContentType = reply.BytesContentType ?? "application/octet-stream";
            await context.Response.Body.WriteAsync(reply.Bytes);
        }
    }

    /// <summary>An id token as Membership's server writes it, signed with the key of the stub's JWKS.</summary>
    public string IdToken(string nonce, string subject, string name, object roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "nege-site",
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(15),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["nonce"] = nonce,
                ["name"] = name,
                ["email"] = "marie.curie@exemple.fr",
                ["preferred_username"] = "mcurie",
                ["role"] = roles,
                ["organisation_id"] = "o1",
            },
        });

    public async ValueTask DisposeAsync()
    {
        signingKey.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
