using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Organisations;

/// <summary>The form's answers that point at other records: the affiliation and the HR contact.</summary>
public static class OrganisationChoices
{
    /// <summary>« Affiliation à un organisme professionnel »: a member organisation of that category, or none.</summary>
    public static async Task<Guid?> AffiliationAsync(
        MembershipDbContext db, ValidationErrors errors, string? organisationId, Guid? exceptOrganisationId, CancellationToken cancellationToken)
    {
        if (organisationId is null)
        {
            return null;
        }

        if (!Guid.TryParse(organisationId, out var id))
        {
            errors.Add("affiliationOrganisationId", "La valeur n'a pas le type attendu.");
            return null;
        }

        var valid = id != exceptOrganisationId && await db.Organisations.AnyAsync(
            o => o.Id == id && o.Category == MembershipForm.ProfessionalOrganisation && o.MemberSince != null, cancellationToken);
        errors.AddIf(!valid, "affiliationOrganisationId",
            "L'affiliation doit être une organisation professionnelle membre de Numéric'Emploi Grand Est.");
        return valid ? id : null;
    }

    /// <summary>
    /// « Contact des ressources humaines »: a user name among the organisation's extranet users (the
    /// referent while the organisation is only applying); empty means the referent.
    /// </summary>
    public static async Task<Guid?> HrContactAsync(
        MembershipDbContext db, ValidationErrors errors, string? userName, Guid referentAccountId, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        var normalized = Account.Normalize(userName);
        var accountId = await db.Accounts
            .Where(a => a.NormalizedUserName == normalized
                        && (a.Id == referentAccountId || (organisationId != null && a.OrganisationId == organisationId)))
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(cancellationToken);
        errors.AddIf(accountId is null, "hrContactUserName",
            "Le contact des ressources humaines doit être un utilisateur de l'extranet de votre organisme : saisissez son nom d'utilisateur.");
        return accountId;
    }
}
