using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nege.ServiceDefaults.Security;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Comptes;

public sealed class NouveauModel(MembershipApi api) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadOrganisationsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var role in Input.Roles.Where(role => !NegeRoles.IsKnown(role)))
        {
            ModelState.AddModelError("Input.Roles", $"Le rôle « {role} » n'existe pas.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var email = Input.Email!.Trim();
                var account = await api.CreateAccountAsync(new NewAccount(
                    email,
                    Input.UserName!.Trim(),
                    Input.Civility!,
                    Input.LastName!.Trim(),
                    Input.FirstName!.Trim(),
                    string.IsNullOrWhiteSpace(Input.Function) ? null : Input.Function.Trim(),
                    string.IsNullOrWhiteSpace(Input.OrganisationId) ? null : Input.OrganisationId,
                    [.. Input.Roles.Distinct(StringComparer.Ordinal)]), ct);
                return RedirectToPage("Detail", new { id = account.Id, etat = "cree" });
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddProblem(exception);
            }
        }

        await LoadOrganisationsAsync(ct);
        return Page();
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct)
    {
        try
        {
            var organisations = await api.GetOrganisationsAsync(null, null, 1, 100, ct);
            Organisations = [.. organisations.Items.OrderBy(o => o.Name, StringComparer.CurrentCulture)
                .Select(o => new SelectListItem($"{o.Name} ({o.Category})", o.Id, o.Id == Input.OrganisationId))];
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Choisissez la civilité.")]
        [RegularExpression("^(Madame|Monsieur)$", ErrorMessage = "Choisissez Madame ou Monsieur.")]
        public string? Civility { get; set; }

        [Required(ErrorMessage = "Saisissez le prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        public string? FirstName { get; set; }

        [Required(ErrorMessage = "Saisissez le nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "Saisissez l'adresse de courriel.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse de courriel valide (exemple : prenom.nom@exemple.fr).")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Saisissez le nom d'utilisateur.")]
        [StringLength(60, ErrorMessage = "Le nom d'utilisateur ne doit pas dépasser 60 caractères.")]
        public string? UserName { get; set; }

        [StringLength(100, ErrorMessage = "La fonction ne doit pas dépasser 100 caractères.")]
        public string? Function { get; set; }

        public string? OrganisationId { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
