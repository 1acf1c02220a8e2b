using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.Idempotency;

/// <summary>
/// A POST a partner's client sent with an <c>Idempotency-Key</c>, and the answer it got: the same key
/// with the same request gets that answer again, the same key with another request is refused.
/// </summary>
public sealed class IdempotentRequest
{
    public required string ClientId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the method, the path and the body's bytes.</summary>
    public required string RequestHash { get; init; }

    public int? StatusCode { get; set; }

    public string? Location { get; set; }

    public string? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a claimed key allows: go on (first time), replay the first answer, or refuse.</summary>
public abstract record IdempotencyClaim
{
    public sealed record First : IdempotencyClaim;

    public sealed record Replay(IdempotentRequest Request) : IdempotencyClaim;

    public sealed record Mismatch : IdempotencyClaim;
}

public static class IdempotentRequests
{
    public const string Header = "Idempotency-Key";
    public const int KeyMaxLength = 200;

    /// <summary>The body's bytes, kept so that the endpoint can still read the body, and the request's hash.</summary>
    public static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The hash of a request read as a form: the method, the path and what the form says (its values,
    /// and its file's SHA-256). Not its bytes: a multipart body's boundary changes at each sending, and
    /// a client retrying the same upload sends the same form under another boundary.
    /// </summary>
    public static string HashOf(HttpRequest request, params IEnumerable<string?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        foreach (var part in parts)
        {
            // Each part with its length: (« ab », « c ») and (« a », « bc ») are two requests.
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(part is null ? "-\n" : $"{part.Length}:{part}\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The key of the request, null when none was sent; a per-field error when it is not usable.</summary>
    public static string? KeyOf(HttpRequest request, ValidationErrors errors)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        var key = values.ToString().Trim();
        errors.AddIf(key.Length is 0 or > KeyMaxLength || values.Count > 1, Header,
            $"L'en-tête Idempotency-Key doit être une seule valeur de 1 à {KeyMaxLength} caractères (un UUID, par exemple).");
        return key;
    }

    /// <summary>
    /// Inside the caller's transaction: the key is taken by this request (its row is written now and the
    /// answer stored before the commit), or a request with it already finished. A concurrent request
    /// with the same key waits on the row until this transaction ends, then replays what it stored.
    /// </summary>
    public static async Task<IdempotencyClaim> ClaimAsync(
        CandidatesDbContext db, string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO idempotent_requests (client_id, key, request_hash, created_at)
             VALUES ({clientId}, {key}, {requestHash}, {now}) ON CONFLICT DO NOTHING
             """, cancellationToken);
        if (inserted == 1)
        {
            return new IdempotencyClaim.First();
        }

        var existing = await db.IdempotentRequests.AsNoTracking()
            .SingleAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
        return existing.RequestHash == requestHash ? new IdempotencyClaim.Replay(existing) : new IdempotencyClaim.Mismatch();
    }

    /// <summary>Stores the answer with the claimed key (same transaction as the effect).</summary>
    public static Task CompleteAsync(
        CandidatesDbContext db, string clientId, string key, int statusCode, string? location, string body, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
             UPDATE idempotent_requests SET status_code = {statusCode}, location = {location}, response_body = {body}
             WHERE client_id = {clientId} AND key = {key}
             """, cancellationToken);

    public static UnprocessableProblem MismatchProblem() => Problems.Unprocessable(
        "Clé d'idempotence déjà utilisée.",
        "Cette clé Idempotency-Key a déjà servi pour une autre requête (autre adresse ou autre corps) : utilisez une nouvelle clé pour une nouvelle requête.");

    /// <summary>The first answer again, as it was, marked as a replay.</summary>
    public static ContentHttpResult Replay(HttpResponse response, IdempotentRequest request)
    {
        response.Headers["Idempotent-Replayed"] = "true";
        if (request.Location is not null)
        {
            response.Headers.Location = request.Location;
        }

        return TypedResults.Content(request.ResponseBody, "application/json; charset=utf-8", null, request.StatusCode);
    }
}

/// <summary>
/// The <c>Idempotency-Key</c> of one POST, for the requester that sent it (a partner's client, or an
/// adviser's account): claimed inside the effect's transaction, completed with the answer before the commit.
/// </summary>
public sealed class IdempotentPost
{
    private readonly HttpRequest request;

    private IdempotentPost(HttpRequest request, string requester, string key)
    {
        this.request = request;
        Requester = requester;
        Key = key;
    }

    public string Requester { get; }

    public string Key { get; }

    /// <summary>The request's key, null when it sent none; a per-field error when the key is not usable.</summary>
    public static IdempotentPost? Of(HttpRequest request, string requester, ValidationErrors errors) =>
        IdempotentRequests.KeyOf(request, errors) is { } key ? new IdempotentPost(request, requester, key) : null;

    /// <summary>
    /// Null when this request goes on (first with its key); else what to answer instead: the first
    /// request's answer again, or 422 when the key came with another request.
    /// </summary>
    public async Task<EarlierAnswer?> ClaimAsync(CandidatesDbContext db, string requestHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await IdempotentRequests.ClaimAsync(db, Requester, Key, requestHash, now, cancellationToken) switch
        {
            IdempotencyClaim.Replay replay => new EarlierAnswer(replay.Request),
            IdempotencyClaim.Mismatch => new EarlierAnswer(null),
            _ => null,
        };

    /// <summary>Stores this request's answer with its key, in the transaction of its effect.</summary>
    public Task CompleteAsync<T>(CandidatesDbContext db, int statusCode, string? location, T answer, CancellationToken cancellationToken)
    {
        var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return IdempotentRequests.CompleteAsync(db, Requester, Key, statusCode, location, JsonSerializer.Serialize(answer, json), cancellationToken);
    }
}

/// <summary>The answer to a request whose key was used before: the first answer replayed, or the 422 of a key reused for another request.</summary>
public sealed class EarlierAnswer(IdempotentRequest? first) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => first is null ? StatusCodes.Status422UnprocessableEntity : first.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => first is null
        ? IdempotentRequests.MismatchProblem().ExecuteAsync(httpContext)
        : IdempotentRequests.Replay(httpContext.Response, first).ExecuteAsync(httpContext);
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.ToTable("idempotent_requests");
        request.HasKey(r => new { r.ClientId, r.Key });
        request.Property(r => r.ClientId).HasColumnName("client_id").HasMaxLength(100);
        request.Property(r => r.Key).HasColumnName("key").HasMaxLength(IdempotentRequests.KeyMaxLength);
        request.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        request.Property(r => r.StatusCode).HasColumnName("status_code");
        request.Property(r => r.Location).HasColumnName("location").HasMaxLength(500);
        request.Property(r => r.ResponseBody).HasColumnName("response_body");
        request.Property(r => r.CreatedAt).HasColumnName("created_at");
    }
}
