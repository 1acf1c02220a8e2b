using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.ServiceDefaults.Security;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Comptes;

/// <summary>One account: its details, locking, roles and the audit of role changes.</summary>
public sealed class DetailModel(MembershipApi api) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Notices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cree"] = "Le compte est créé : la personne reçoit par courriel un lien pour choisir son mot de passe.",
        ["verrouille"] = "Le compte est verrouillé.",
        ["deverrouille"] = "Le compte est déverrouillé.",
        ["role-attribue"] = "Le rôle est attribué.",
        ["role-retire"] = "Le rôle est retiré.",
        ["organisme"] = "L'organisme du compte est enregistré.",
    };

    [FromRoute]
    public string Id { get; set; } = "";

    public Account? Account { get; private set; }

    /// <summary>The organisations an account may belong to (the first 100, by name).</summary>
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat is not null && Notices.TryGetValue(etat, out var notice) ? notice : null;
        return await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        ActAsync(() => api.LockAsync(Id, ct), "verrouille", ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        ActAsync(() => api.UnlockAsync(Id, ct), "deverrouille", ct);

    public Task<IActionResult> OnPostOrganisationAsync(string? organisationId, CancellationToken ct) =>
        ActAsync(() => api.SetOrganisationAsync(Id, organisationId, ct), "organisme", ct);

    public Task<IActionResult> OnPostGrantAsync(string role, CancellationToken ct) =>
        NegeRoles.IsKnown(role) ? ActAsync(() => api.GrantRoleAsync(Id, role, ct), "role-attribue", ct) : UnknownRoleAsync(ct);

    public Task<IActionResult> OnPostWithdrawAsync(string role, CancellationToken ct) =>
        NegeRoles.IsKnown(role) ? ActAsync(() => api.WithdrawRoleAsync(Id, role, ct), "role-retire", ct) : UnknownRoleAsync(ct);

    private async Task<IActionResult> UnknownRoleAsync(CancellationToken ct)
    {
        ModelState.AddModelError("", "Ce rôle n'existe pas.");
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> ActAsync(Func<Task<Account>> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            return RedirectToPage(new { id = Id, etat = done });
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return await LoadAsync(ct);
        }
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Account = await api.GetAccountAsync(Id, ct);
            Organisations = (await api.GetOrganisationsAsync(null, null, 1, 100, ct)).Items;
            if (Account.OrganisationId is { } current && Organisations.All(o => o.Id != current))
            {
                // Past the first hundred: the account's own organisation is always offered, so saving keeps it.
                Organisations = [new Organisation(current, Account.OrganisationName ?? current, ""), .. Organisations];
            }
            return Page();
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }
    }
}
