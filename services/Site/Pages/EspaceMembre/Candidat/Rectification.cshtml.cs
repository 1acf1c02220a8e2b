using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Candidats;
using Nege.Site.Membership;
using Nege.Site.Pages.EspaceMembre.Dossiers;

namespace Nege.Site.Pages.EspaceMembre.Candidat;

/// <summary>
/// « Corriger mon dossier » (the right of rectification): the adviser's form (<see cref="DossierInput"/>), filled with the
/// dossier as it stands; the four sections are sent and replace the dossier's. The API checks everything and answers
/// per field. The commission's analyses are shown read-only: their correction is a request to the pilot.
/// </summary>
public sealed class RectificationModel(CandidatesApi api) : PageModel
{
    public const string Path = CandidateSpaceDisplay.RectificationPath;

    /// <summary>Empty rows of the skills grid below the candidate's own (the site runs no script to add rows).</summary>
    public const int SpareSkillRows = 2;

    [BindProperty]
    public DossierInput Input { get; set; } = new();

    public CandidateDossierView? Dossier { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Dossier is not null)
        {
            Input = DossierInput.Of(Dossier.Content);
        }

        PadSkills();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A value the browser sent that is not one (a date, a number) is said beside its field, and nothing is sent.
        if (ModelState.IsValid)
        {
            var (rectification, rows) = Input.ToRectification();
            try
            {
                await api.RectifyMyDossierAsync(rectification, ct);
                return Redirect($"{IndexModel.Path}?etat=rectifie#identification");
            }
            catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
            {
                return Redirect(IndexModel.Path);
            }
            catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.BadRequest && exception.Problem?.Errors is { Count: > 0 } errors)
            {
                foreach (var (key, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(DossierInput.FieldOf(key, rows), message);
                    }
                }
            }
            catch (CandidatesApiException exception)
            {
                ModelState.AddProblem(exception, "");
            }
        }

        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        PadSkills();
        return Page();
    }

    /// <summary>The dossier, for its analyses; the space's page (which offers to attach one) when none is attached.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Dossier = await api.GetMyDossierAsync(ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return Redirect(IndexModel.Path);
        }
        catch (CandidatesApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return null;
    }

    private void PadSkills() =>
        Input.PadSkills(Math.Max(NouveauModel.SkillRows, Input.Profile.Skills.Count(skill => !skill.IsEmpty) + SpareSkillRows));
}
