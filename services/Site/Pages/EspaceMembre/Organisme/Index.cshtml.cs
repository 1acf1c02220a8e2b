using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Membership;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>The referent's organisation: its card as the directory shows it, and the form that edits it.</summary>
[FormSizeLimit(MaxFormBytes, TooLargeMessage, Field = "Input.Logo")]
public sealed class IndexModel(MembershipApi api) : PageModel
{
    /// <summary>The logo (200 Ko at most) and the text fields fit well within 1 Mo.</summary>
    public const int MaxFormBytes = 1024 * 1024;

    public const string TooLargeMessage =
        "Le formulaire envoyé dépasse 1 Mo : il n'a pas été enregistré. Choisissez un logo de moins de 200 Ko, puis enregistrez à nouveau.";

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public OrganisationCard? Card { get; private set; }

    /// <summary>The user names offered for the HR contact.</summary>
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat == "enregistre" ? "La fiche de l'organisme est enregistrée." : null;

        if (await LoadAsync(ct) is { } card)
        {
            Input = OrganisationInput.From(card);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.CheckChoices(ModelState);
        if (ModelState.IsValid)
        {
            try
            {
                await api.UpdateMyOrganisationAsync(await Input.ToUpdateAsync(ct), ct);
                return RedirectToPage(new { etat = "enregistre" });
            }
            catch (MembershipApiException exception)
            {
                ModelState.AddProblem(exception);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<OrganisationCard?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Card = await api.GetMyOrganisationAsync(ct);
            Colleagues = await api.GetColleaguesAsync(ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Card;
    }

    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Saisissez la raison sociale.")]
        [StringLength(200, ErrorMessage = "La raison sociale ne doit pas dépasser 200 caractères.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Saisissez la localisation de la direction régionale.")]
        [StringLength(200, ErrorMessage = "La localisation ne doit pas dépasser 200 caractères.")]
        public string? RegionalHeadOffice { get; set; }

        public IFormFile? Logo { get; set; }

        public string? Presentation { get; set; }

        public string? Website { get; set; }

        public List<string> MainActivities { get; set; } = [];

        public List<string> SiteDepartements { get; set; } = [];

        public List<string> InterventionDepartements { get; set; } = [];

        public string? HrContactUserName { get; set; }

        public static OrganisationInput From(OrganisationCard card) => new()
        {
            Name = card.Name,
            RegionalHeadOffice = card.RegionalHeadOffice,
            Presentation = card.Presentation,
            Website = card.Website,
            MainActivities = [.. card.MainActivities],
            SiteDepartements = [.. card.SiteDepartements],
            InterventionDepartements = [.. card.InterventionDepartements],
            HrContactUserName = card.HrContact?.UserName,
        };

        /// <summary>Checkboxes only offer the seed's values: anything else is a forged form.</summary>
        public void CheckChoices(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
        {
            Check(MainActivities, MembershipForm.MainActivities, "Input.MainActivities");
            Check(SiteDepartements, MembershipForm.Departements, "Input.SiteDepartements");
            Check(InterventionDepartements, MembershipForm.Departements, "Input.InterventionDepartements");

            void Check(List<string> chosen, IReadOnlyList<string> allowed, string key)
            {
                foreach (var value in chosen.Where(value => !allowed.Contains(value)))
                {
                    modelState.AddModelError(key, $"La valeur « {value} » ne fait pas partie de la liste.");
                }
            }
        }

        public async Task<OrganisationCardUpdate> ToUpdateAsync(CancellationToken ct) => new(
            Name!.Trim(),
            RegionalHeadOffice!.Trim(),
            await UploadedFile.Base64Async(Logo, ct),
            NullIfBlank(Presentation),
            NullIfBlank(Website),
            [.. MainActivities.Distinct(StringComparer.Ordinal)],
            [.. SiteDepartements.Distinct(StringComparer.Ordinal)],
            [.. InterventionDepartements.Distinct(StringComparer.Ordinal)],
            NullIfBlank(HrContactUserName));

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
