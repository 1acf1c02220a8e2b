using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Billing;
using Nege.Site.Cotisations;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.MesEffectifs;

/// <summary>
/// « Effectifs du périmètre »: before each yearly renewal, the referent confirms or updates the headcounts, territory by
/// territory, that the organisation's next fee call will use (Billing finds the organisation in the person's token), and
/// reads the fee they give. Billing's refusals show beside their fields, with what was typed.
/// </summary>
public sealed class IndexModel(BillingApi api) : PageModel
{
    public const string Declared = "confirme";

    /// <summary>The key of Billing's message about the three territories together (all at 0), at the top of the form.</summary>
    public const string PerimeterKey = $"{nameof(Input)}.Perimeter";

    [BindProperty]
    public PerimeterInput Input { get; set; } = new();

    /// <summary>Null when Billing did not answer or refused (the message is at the top): the form is not offered.</summary>
    public PerimeterView? Perimeter { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? etat, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Perimeter is { } perimeter)
        {
            Input = new PerimeterInput { Alsace = perimeter.Alsace, ChampagneArdenne = perimeter.ChampagneArdenne, Lorraine = perimeter.Lorraine };
            Notice = etat == Declared
                ? $"Vos effectifs sont enregistrés : l'appel de cotisation {perimeter.NextCallYear} les utilisera."
                : null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value that is not a number (« douze ») is refused beside its field by the binding, without asking Billing.
        if (ModelState.IsValid)
        {
            try
            {
                await api.DeclareMyPerimeterAsync(new PerimeterDeclaration(Input.Alsace, Input.ChampagneArdenne, Input.Lorraine), ct);
                return RedirectToPage(new { etat = Declared });
            }
            catch (BillingApiException exception)
            {
                // 400 beside each territory (« perimeter »: all at 0, at the top of the form); 403, 404 at the top of the page.
                ModelState.AddProblem(exception, nameof(Input));
            }
        }

        // The page around the form again; the fields keep what was typed.
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Perimeter = await api.GetMyPerimeterAsync(ct);
        }
        catch (BillingApiException exception)
        {
            // 404 not a member yet, 403 no organisation: Billing's sentence at the top, once (a refused declaration may have said it).
            if (FormField.Messages(ModelState, "").Count == 0)
            {
                ModelState.AddProblem(exception, "");
            }
        }
    }

    public sealed class PerimeterInput
    {
        public int? Alsace { get; set; }

        public int? ChampagneArdenne { get; set; }

        public int? Lorraine { get; set; }
    }
}
