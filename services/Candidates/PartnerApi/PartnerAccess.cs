using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.PartnerApi;

/// <summary>The calling partner's client and organisation, and the actor it is in a dossier's log.</summary>
internal sealed record CallingPartner(string ClientId, Guid OrganisationId, DossierActor Actor)
{
    /// <summary>The partner policies guarantee both claims.</summary>
    public static CallingPartner Of(ClaimsPrincipal user)
    {
        var clientId = user.CallerClientId() ?? throw new InvalidOperationException("A partner client's token without client_id.");
        var organisationId = user.CallerOrganisationId() ?? throw new InvalidOperationException("A partner client's token without its organisation.");
        return new CallingPartner(clientId, organisationId, new DossierActor(DossierActorKind.PartnerClient, clientId, $"Système du partenaire ({clientId})"));
    }
}

/// <summary>The partner API's isolation rule: a partner reaches only the dossiers it submitted or follows; any other id is a 404.</summary>
internal static class PartnerAccess
{
    public const string DossierNotFound = "Ce dossier n'existe pas, ou votre organisme ne l'a ni déposé ni ne le suit.";

    /// <summary>The dossier if the organisation submitted or follows it (with its partners), else null.</summary>
    public static Task<Dossier?> FindForPartnerAsync(this IQueryable<Dossier> dossiers, Guid id, Guid organisationId, CancellationToken cancellationToken) =>
        dossiers.Include(d => d.Partners)
            .Where(d => d.Id == id && d.Partners.Any(p => p.OrganisationId == organisationId))
            .SingleOrDefaultAsync(cancellationToken);
}
