using Nege.ServiceDefaults.Security;

namespace Nege.Billing;

/// <summary>The site's pages Billing's e-mails link to, behind the gateway (the token issuer's address).</summary>
public sealed class BillingLinks(IConfiguration configuration)
{
    private readonly Uri _site = new(AuthenticationExtensions.IssuerOf(configuration).TrimEnd('/') + "/");

    /// <summary>The referent's « Mes cotisations ».</summary>
    public Uri MemberCalls => new(_site, "espace-membre/mes-cotisations");

    /// <summary>Where the referent confirms or updates the perimeter's headcounts before the renewal.</summary>
    public Uri Perimeter => new(_site, "espace-membre/mes-effectifs");
}
