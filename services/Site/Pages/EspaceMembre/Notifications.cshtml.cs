using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Membership;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre;

/// <summary>The news categories the person is e-mailed about.</summary>
public sealed class NotificationsModel(MembershipApi api) : PageModel
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    /// <summary>False when the preferences could not be read: the form is not offered.</summary>
    public bool Loaded { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat == "enregistre" ? "Vos préférences de notification sont enregistrées." : null;
        try
        {
            Input.Categories = [.. (await api.GetNotificationPreferencesAsync(ct)).Categories];
            Loaded = true;
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Loaded = true;
        foreach (var category in Input.Categories.Where(category => !MembershipForm.NewsCategories.Contains(category)))
        {
            ModelState.AddModelError("Input.Categories", $"La catégorie « {category} » n'existe pas.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await api.SetNotificationPreferencesAsync([.. Input.Categories.Distinct(StringComparer.Ordinal)], ct);
            return RedirectToPage(new { etat = "enregistre" });
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception);
            return Page();
        }
    }

    public sealed class PreferencesInput
    {
        public List<string> Categories { get; set; } = [];
    }
}
