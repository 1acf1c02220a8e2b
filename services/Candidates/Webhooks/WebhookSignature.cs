using System.Security.Cryptography;
using System.Text;

namespace Nege.Candidates.Webhooks;

/// <summary>
/// How a webhook call is signed, so that the partner can check it comes from NEGE and was not replayed:
/// <c>Nege-Signature: sha256=&lt;hex of HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;body&gt;")&gt;</c>, with the Unix
/// timestamp (seconds) in <c>Nege-Timestamp</c>. A receiver recomputes it and refuses an old timestamp.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Nege-Signature";
    public const string TimestampHeader = "Nege-Timestamp";
    public const string IdHeader = "Nege-Webhook-Id";
    public const string EventHeader = "Nege-Event";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: the same signature, in constant time, and a timestamp within <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, out var timestamp) || signatureHeader is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
