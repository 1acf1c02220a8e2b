using System.Net;

namespace Nege.Directory.Logos;

/// <summary>Membership's public logo of an organisation (<c>GET /api/membership/organisations/{id}/logo</c>).</summary>
public sealed class MembershipLogos(HttpClient http)
{
    /// <summary>Service discovery name of the Membership service (<c>services:membership:http:0</c>).</summary>
    public static readonly Uri BaseAddress = new("http://membership");

    /// <summary>Membership re-encodes logos to 300×300 at most: a bigger answer is not a logo.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The logo's bytes, or null when Membership has none (404); any other failure throws, to be tried again.</summary>
    public async Task<byte[]?> GetAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/membership/organisations/{organisationId}/logo", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
