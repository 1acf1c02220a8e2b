using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Security;
using Nege.Site.Candidats;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>
/// « Déposer un dossier »: the partners' API's submission form (seed 004's identification, context, profile, project
/// and consent), with the adviser who follows the candidate. The API checks everything and answers per field; the
/// rendered form carries an idempotency key, so that sending it twice makes one dossier.
/// </summary>
public sealed class NouveauModel(CandidatesApi api) : PageModel
{
    /// <summary>Rows of the skills grid (the site runs no script to add rows); the empty ones are not sent.</summary>
    public const int SkillRows = 6;

    public const string ConsentRequired =
        $"Cochez cette case : le candidat doit avoir été informé des « {CandidateNotices.DataUseTitle} » avant le dépôt de son dossier.";

    [BindProperty]
    public DossierInput Input { get; set; } = new();

    /// <summary>Made when the form is first shown, sent as <c>Idempotency-Key</c> each time it is sent.</summary>
    [BindProperty]
    public Guid IdempotencyKey { get; set; }

    public void OnGet()
    {
        IdempotencyKey = Guid.NewGuid();
        Input.Consent.NoticeVersion = CandidateNotices.CurrentDataUseVersion;
        // The person who submits is the candidate's adviser unless someone else is named.
        Input.Adviser.Name = User.Identity?.Name;
        Input.Adviser.Email = User.FindFirst(NegeClaims.Email)?.Value;
        Input.PadSkills(SkillRows);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Input.Consent.Informed)
        {
            ModelState.AddModelError($"{DossierInput.Prefix}.Consent.{nameof(DossierInput.ConsentFields.Informed)}", ConsentRequired);
        }

        if (IdempotencyKey == Guid.Empty)
        {
            NewKey();
        }

        if (ModelState.IsValid)
        {
            var (request, rows) = Input.ToRequest();
            try
            {
                var intake = await api.SubmitDossierAsync(request, IdempotencyKey, ct);
                TempData[DossierModel.FlashKey] = intake.Message;
                return Redirect(PartnerDossierDisplay.DossierPath(intake.Dossier.Id));
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
            catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.UnprocessableEntity)
            {
                // The key went with other values (the form sent, then changed and sent again): a new one for what is typed now.
                ModelState.AddModelError("", PartnerDossierDisplay.KeyAlreadyUsed);
                NewKey();
            }
            catch (CandidatesApiException exception)
            {
                // 403: the account is attached to no organisation; the API says so.
                ModelState.AddProblem(exception, "");
            }
        }

        Input.PadSkills(SkillRows);
        return Page();
    }

    private void NewKey()
    {
        IdempotencyKey = Guid.NewGuid();
        ModelState.Remove(nameof(IdempotencyKey));
    }
}
