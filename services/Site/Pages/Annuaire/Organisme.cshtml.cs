using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Annuaire;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Annuaire;

/// <summary>
/// An organisation's page in the directory (logo, category, presentation sanitised again by the site, website,
/// activities, départements) and « Écrire au responsable RH »: the visitor's message and CV relayed to Directory, which
/// writes to the company's HR contact, whose address the visitor never sees. Then back to the page with what was done
/// (post, redirect, get), or the page again with Directory's messages beside the fields and what was typed.
/// </summary>
[FormSizeLimit(MaxFormBytes, TooLargeMessage, Field = "Input.Cv")]
public sealed class OrganismeModel(DirectoryApi api) : PageModel
{
    public const string FlashKey = "message-transmis";

    /// <summary>A CV's limit, as Directory's.</summary>
    public const long MaxCvBytes = 5 * 1024 * 1024;

    /// <summary>Above the CV's limit with room for the fields: a form heavier still is not read at all.</summary>
    public const long MaxFormBytes = 6 * 1024 * 1024;

    public const string TooLargeMessage =
        "Le formulaire envoyé dépasse 6 Mo : votre message n'a pas été transmis. Le CV doit faire 5 Mo au plus ; saisissez à nouveau votre message avec un fichier plus léger.";

    public const string CvTooLargeMessage = "Le CV dépasse 5 Mo : choisissez un fichier plus léger (PDF, DOC, DOCX ou ODT, 5 Mo au plus).";

    /// <summary>Directory's fields, which have one here (<c>website</c>, the honeypot, has no message of its own).</summary>
    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase) { "name", "email", "subject", "message", "cv" };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    [TempData(Key = FlashKey)]
    public string? Flash { get; set; }

    public DirectoryOrganisationView? Organisation { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Notice = Flash;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cv = Input.Cv is { Length: > 0 } file ? file : null;
        if (cv is { Length: > MaxCvBytes })
        {
            ModelState.AddModelError("Input.Cv", CvTooLargeMessage);
            return await LoadAsync(ct);
        }

        try
        {
            await using var content = cv?.OpenReadStream();
            var accepted = await api.SendMessageAsync(
                Id,
                new ContactMessage(Input.Name, Input.Email, Input.Subject, Input.Message, Input.Website),
                cv is null ? null : new ContactFile(Path.GetFileName(cv.FileName), cv.ContentType, content!),
                HttpContext.Connection.RemoteIpAddress,
                ct);
            Flash = $"Votre message a été transmis à {accepted.OrganisationName}.";
            return RedirectToPage(null, null, new { id = Id }, null);
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (DirectoryApiException exception)
        {
            AddProblem(exception);
        }

        return await LoadAsync(ct);
    }

    /// <summary>Each field's messages beside it (<c>email</c> → <c>Input.Email</c>); a refusal of the whole message (409, 429) at the top.</summary>
    private void AddProblem(DirectoryApiException exception)
    {
        var fieldErrors = 0;
        foreach (var (key, messages) in exception.Problem?.Errors ?? new Dictionary<string, string[]>())
        {
            var field = Fields.Contains(key) ? ProblemDisplay.FieldKey(key, "Input") : "";
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
                fieldErrors++;
            }
        }

        if (fieldErrors > 0)
        {
            return;
        }

        ModelState.AddModelError("", exception.Problem?.Detail ?? exception.Status switch
        {
            HttpStatusCode.Conflict => "Vous avez déjà envoyé ce message à cet organisme aujourd'hui.",
            HttpStatusCode.TooManyRequests => TooManyMessages(exception.RetryAfter),
            _ => exception.Problem?.Title ?? exception.Unavailable,
        });
    }

    private static string TooManyMessages(TimeSpan? retryAfter) => retryAfter is { } wait && wait > TimeSpan.Zero
        ? $"Trop de messages ont été envoyés. Veuillez réessayer dans {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s)."
        : "Trop de messages ont été envoyés. Veuillez réessayer plus tard.";

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Organisation = await api.GetOrganisationAsync(Id, ct);
        }
        catch (DirectoryApiException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Organisation is null ? NotFound() : Page();
    }

    public sealed class ContactInput
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Subject { get; set; }

        public string? Message { get; set; }

        /// <summary>The CV, optional; never shown again (a browser cannot keep a file in a form it is shown again).</summary>
        public IFormFile? Cv { get; set; }

        /// <summary>The honeypot: hidden from people, filled by robots.</summary>
        public string? Website { get; set; }
    }
}
