using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nege.ServiceDefaults.Security;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.ClientsPartenaires;

/// <summary>Creates a partner's API client; its secret is shown once, in this response only, and never kept.</summary>
public sealed class NouveauModel(MembershipApi api) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> ScopeLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NegeScopes.CandidatesRead] = "consulter les dossiers de candidats",
        [NegeScopes.CandidatesWrite] = "déposer et modifier des dossiers de candidats",
    };

    [BindProperty]
    public PartnerClientInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public PartnerClient? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOrganisationsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Scopes.Count == 0)
        {
            ModelState.AddModelError("Input.Scopes", "Choisissez au moins une portée.");
        }

        foreach (var scope in Input.Scopes.Where(scope => !NegeScopes.Partner.Contains(scope)))
        {
            ModelState.AddModelError("Input.Scopes", $"La portée « {scope} » n'existe pas.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                Created = await api.CreatePartnerClientAsync(
                    new NewPartnerClient(Input.OrganisationId!, [.. Input.Scopes.Distinct(StringComparer.Ordinal)]), ct);
                Response.Headers.CacheControl = "no-store";
                return Page();
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
            var organisations = await api.GetOrganisationsAsync(null, OrganisationCategories.EmploymentPartner, 1, 100, ct);
            Organisations = [.. organisations.Items
                .Where(o => o.Category == OrganisationCategories.EmploymentPartner)
                .OrderBy(o => o.Name, StringComparer.CurrentCulture)
                .Select(o => new SelectListItem(o.Name, o.Id, o.Id == Input.OrganisationId))];
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    public sealed class PartnerClientInput
    {
        [Required(ErrorMessage = "Choisissez l'organisme partenaire emploi.")]
        public string? OrganisationId { get; set; }

        public List<string> Scopes { get; set; } = [];
    }
}
