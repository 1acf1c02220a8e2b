using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Membership;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Organisme.Collaborateurs;

/// <summary>The organisation's people with access to the extranet, and the request of an access for another one.</summary>
public sealed class IndexModel(MembershipApi api) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Notices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["invite"] = "L'accès est demandé : votre collaborateur reçoit par courriel une invitation pour choisir son mot de passe.",
        ["retire"] = "L'accès du collaborateur à l'extranet est retiré.",
    };

    [BindProperty]
    public ColleagueInput Input { get; set; } = new();

    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat is not null && Notices.TryGetValue(etat, out var notice) ? notice : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Civility is { } civility && !MembershipForm.Civilities.Contains(civility))
        {
            ModelState.AddModelError("Input.Civility", $"Choisissez {string.Join(" ou ", MembershipForm.Civilities)}.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await api.InviteColleagueAsync(new NewColleague(
                    Input.Email!.Trim(),
                    Input.UserName!.Trim(),
                    Input.Civility!,
                    Input.LastName!.Trim(),
                    Input.FirstName!.Trim(),
                    string.IsNullOrWhiteSpace(Input.Function) ? null : Input.Function.Trim()), ct);
                return RedirectToPage(new { etat = "invite" });
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddProblem(exception);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Colleagues = await api.GetColleaguesAsync(ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    public sealed class ColleagueInput
    {
        [Required(ErrorMessage = "Saisissez l'adresse de courriel.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse de courriel valide (exemple : prenom.nom@exemple.fr).")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Saisissez le nom d'utilisateur.")]
        [StringLength(60, ErrorMessage = "Le nom d'utilisateur ne doit pas dépasser 60 caractères.")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Choisissez la civilité.")]
        public string? Civility { get; set; }

        [Required(ErrorMessage = "Saisissez le nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "Saisissez le prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        public string? FirstName { get; set; }

        [StringLength(100, ErrorMessage = "La fonction ne doit pas dépasser 100 caractères.")]
        public string? Function { get; set; }
    }
}
