using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.Dossiers;

/// <summary>The site's pages the e-mails link to, behind the gateway (the token issuer's address).</summary>
public sealed class SiteLinks(IConfiguration configuration)
{
    private readonly Uri site = new(AuthenticationExtensions.IssuerOf(configuration).TrimEnd('/') + "/");

    public Uri To(string pathAndQuery) => new(site, pathAndQuery.TrimStart('/'));

    /// <summary>The dossier's page in the commission's extranet.</summary>
    public Uri CommissionDossier(Guid dossierId) => To($"/espace-membre/commission/dossiers/{dossierId}");

    /// <summary>The dossier's page for the partner advisers who submitted or follow it.</summary>
    public Uri AdviserDossier(Guid dossierId) => To($"/espace-membre/dossiers/{dossierId}");

    public Uri DataUseNotice(string version) => To(CandidateNotices.DataUsePath(version));

    public Uri InactiveQueue(string territory) => To($"/espace-membre/commission?territoire={Uri.EscapeDataString(territory)}&sans-activite=true");
}
