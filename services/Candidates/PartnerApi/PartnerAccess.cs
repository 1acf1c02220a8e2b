using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Candidates.PartnerApi;

/// <summary>
/// Who calls for an employment partner: its system (a client's token), or one of its advisers in the
/// extranet (a person's token, with the role employment_partner and the organisation's claim).
/// </summary>
/// <param name="ClientId">The partner's client; null for an adviser.</param>
/// <param name="Requester">Whose <c>Idempotency-Key</c>s these are: the client, or the adviser's account.</param>
/// <param name="Adviser">The adviser calling (for a person), who follows the dossiers they submit unless they name another.</param>
internal sealed record CallingPartner(Guid OrganisationId, string? ClientId, string Requester, DossierActor Actor, AdviserView? Adviser)
{
    public bool IsPerson => ClientId is null;

    /// <summary>Where this caller's dossiers are: the API v1 for a system, the advisers' API for a person.</summary>
    public string DossiersRoute => IsPerson ? PartnerDossiersEndpoints.AdviserRoute : PartnerDossiersEndpoints.Route;

    /// <summary>The partner policies guarantee the claims (the advisers' routes check the organisation first: <see cref="PartnerAccess.RequireOrganisation"/>).</summary>
    public static CallingPartner Of(ClaimsPrincipal user)
    {
        var organisationId = user.CallerOrganisationId() ?? throw new InvalidOperationException("A partner's token without its organisation.");
        if (user.IsPerson())
        {
            var accountId = user.CallerId() ?? throw new InvalidOperationException("A person's token without its account.");
            var name = user.CallerName();
            var email = user.FindFirstValue(NegeClaims.Email);
            return new CallingPartner(
                organisationId, null, $"account:{accountId}", new DossierActor(DossierActorKind.Person, accountId.ToString(), name),
                email is null ? null : new AdviserView(name, email));
        }

        var clientId = user.CallerClientId() ?? throw new InvalidOperationException("A partner client's token without client_id.");
        return new CallingPartner(organisationId, clientId, clientId, new DossierActor(DossierActorKind.PartnerClient, clientId, $"Système du partenaire ({clientId})"), null);
    }
}

/// <summary>The partners' isolation rule: a partner reaches only the dossiers it submitted or follows; any other id is a 404.</summary>
internal static class PartnerAccess
{
    public const string DossierNotFound = "Ce dossier n'existe pas, ou votre organisme ne l'a ni déposé ni ne le suit.";

    public const string NoOrganisation =
        "Votre compte n'est rattaché à aucun organisme : demandez à un administrateur de le rattacher à votre organisme partenaire emploi.";

    /// <summary>The dossier if the organisation submitted or follows it (with its partners), else null.</summary>
    public static Task<Dossier?> FindForPartnerAsync(this IQueryable<Dossier> dossiers, Guid id, Guid organisationId, CancellationToken cancellationToken) =>
        dossiers.Include(d => d.Partners)
            .Where(d => d.Id == id && d.Partners.Any(p => p.OrganisationId == organisationId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>An adviser works for their organisation: an account attached to none is refused before anything is read.</summary>
    public static ValueTask<object?> RequireOrganisation(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.CallerOrganisationId() is null
            ? ValueTask.FromResult<object?>(Problems.Forbidden(NoOrganisation))
            : next(context);
}
