using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Nege.ServiceDefaults.Security;

namespace Nege.Notifications.Digest;

/// <summary>The daily digest's settings (section <c>Notifications:Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Notifications:Digest";

    /// <summary>The Paris wall-clock time of the cut-off, « HH:mm » (or « HH:mm:ss »): the digest goes at or after it (« 07:00 »).</summary>
    public string At { get; set; } = "07:00";

    /// <summary>
    /// The key of the unsubscribe links' HMAC-SHA256 (at least 32 characters). Required, not derived: a key derived
    /// through ASP.NET Data Protection would need a key ring shared by every replica and kept across deployments
    /// (Notifications has none), else yesterday's links would stop working; a configured secret is the same for all.
    /// appsettings.Development.json gives one for development and tests.
    /// </summary>
    public string UnsubscribeKey { get; set; } = "";

    /// <summary>Persons whose e-mails are queued in one transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the job looks whether the day's digest is due or unfinished.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public TimeOnly CutOffTime => TimeOnly.ParseExact(At, TimeFormats, CultureInfo.InvariantCulture);

    internal bool IsValid() =>
        TimeOnly.TryParseExact(At, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && UnsubscribeKey.Length >= 32 && BatchSize > 0 && Interval > TimeSpan.Zero;
}

/// <summary>The unsubscribe link of a person's digest, signed with HMAC-SHA256 over their account id: it works without logging in.</summary>
public sealed class UnsubscribeLinks(IOptions<DigestOptions> options, IConfiguration configuration)
{
    public const string Path = "/api/notifications/digest/unsubscribe";

    private readonly Uri _site = new(AuthenticationExtensions.IssuerOf(configuration));

    public Uri For(Guid accountId) => new(_site, $"{Path.TrimStart('/')}?p={accountId:D}&s={Sign(accountId)}");

    /// <summary>The site's « Mes notifications » page, where a person chooses their categories (after logging in).</summary>
    public Uri PreferencesPage => new(_site, "espace-membre/notifications");

    public string Sign(Guid accountId)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.UnsubscribeKey), Encoding.UTF8.GetBytes($"news-digest-unsubscribe:{accountId:D}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The account the link is for, or null when the id or the signature is wrong.</summary>
    public Guid? Verify(string? person, string? signature)
    {
        if (!Guid.TryParse(person, out var accountId) || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(accountId));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? accountId : null;
    }
}
