using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Organismes;

public sealed class NouveauModel(MembershipApi api) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Category is { } category && !OrganisationCategories.All.Contains(category))
        {
            ModelState.AddModelError("Input.Category", "Choisissez une catégorie de la liste.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await api.CreateOrganisationAsync(new NewOrganisation(Input.Name!.Trim(), Input.Category!), ct);
            return RedirectToPage("Index", new { etat = "cree" });
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception);
            return Page();
        }
    }

    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Saisissez le nom de l'organisme.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Choisissez la catégorie.")]
        public string? Category { get; set; }
    }
}
