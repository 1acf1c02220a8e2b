using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Actualites;

/// <summary>
/// « Nouvelle actualité » (<c>/espace-membre/actualites/nouvelle</c>) and the edition of an item: title, category,
/// simple HTML, a PNG or JPEG image sent on as a « data: » URL, and the publication date in Paris time (empty: a draft).
/// « Enregistrer » comes back here, « Prévisualiser » goes to the preview (post, redirect, get); Directory's messages
/// show beside the fields with what was typed, a conflict at the top.
/// </summary>
[FormSizeLimit(MaxFormBytes, TooLargeMessage, Field = "Input.Image")]
public sealed class RedactionModel(NewsApi api) : PageModel
{
    public const string SaveAction = "enregistrer";

    public const string PreviewAction = "previsualiser";

    public const long MaxImageBytes = 2 * 1024 * 1024;

    /// <summary>The image and a long text.</summary>
    public const long MaxFormBytes = 3 * 1024 * 1024;

    public const string TooLargeMessage = "Le formulaire envoyé dépasse 3 Mo : l'actualité n'a pas été enregistrée. L'image doit faire 2 Mo au plus.";

    public const string BodyHelp =
        "HTML simple : seuls sont conservés les paragraphes (<p>), les retours à la ligne (<br>), le gras (<strong>), l'italique (<em>), " +
        "les listes (<ul>, <ol>, <li>), les intertitres (<h2>, <h3>), les citations (<blockquote>) et les liens (<a href=\"…\">, adresses http, https ou mailto). " +
        "Le reste est retiré.";

    public const string Saved = "enregistre";

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public NewsInput Input { get; set; } = new();

    public bool IsNew => Id is null;

    /// <summary>The item being edited, as Directory has it.</summary>
    public NewsView? Current { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        if (etat == FormSizeLimitAttribute.TooLarge)
        {
            ModelState.AddModelError("Input.Image", TooLargeMessage);
        }

        if (etat == Saved)
        {
            Notice = "L'actualité est enregistrée.";
        }

        var loaded = await LoadAsync(ct);
        if (Current is { } current)
        {
            Input = new NewsInput
            {
                Title = current.Title, Category = current.Category, BodyHtml = current.BodyHtml, PublishAt = NewsDisplay.LocalInput(current.PublishedAt),
            };
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        ModelState.Clear();
        DateTimeOffset? publishAt = null;
        if (!string.IsNullOrWhiteSpace(Input.PublishAt))
        {
            if (NewsDisplay.TryParseLocal(Input.PublishAt, out var at))
            {
                publishAt = at;
            }
            else
            {
                ModelState.AddModelError("Input.PublishAt", "Indiquez la date et l'heure de publication (jj/mm/aaaa hh:mm), ou laissez le champ vide pour un brouillon.");
            }
        }

        var image = await ImageDataUrlAsync(Input.Image, ct);
        if (!ModelState.IsValid)
        {
            return await ReloadAsync(ct);
        }

        var request = new NewsRequest(
            Input.Title, Input.BodyHtml, string.IsNullOrWhiteSpace(Input.Category) ? null : Input.Category,
            image ?? (Id is not null && Input.RemoveImage ? "" : null), publishAt);
        try
        {
            var saved = Id is { } id ? await api.EditAsync(id, request, ct) : await api.CreateAsync(request, ct);
            return action == PreviewAction
                ? Redirect($"{NewsDisplay.PreviewPath(saved.Id)}")
                : Redirect($"{NewsDisplay.EditPath(saved.Id)}?etat={Saved}");
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (DirectoryApiException exception)
        {
            // 400: beside the fields (title, bodyHtml, category, image, publishAt); 409 and the rest: at the top.
            ModelState.AddProblem(exception);
        }

        return await ReloadAsync(ct);
    }

    /// <summary>The uploaded file as a « data: » URL when it is a PNG or a JPEG (read by content); null without one.</summary>
    private async Task<string?> ImageDataUrlAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        if (file.Length > MaxImageBytes)
        {
            ModelState.AddModelError("Input.Image", "L'image dépasse 2 Mo : choisissez un fichier plus léger (PNG ou JPEG, 2 Mo au plus).");
            return null;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var bytes = content.ToArray();
        var type = bytes switch
        {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            _ => null,
        };
        if (type is null)
        {
            ModelState.AddModelError("Input.Image", "L'image doit être un fichier PNG ou JPEG.");
            return null;
        }

        return $"data:{type};base64,{Convert.ToBase64String(bytes)}";
    }

    /// <summary>The page again with what was typed: only the item's state is read again.</summary>
    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        return loaded is NotFoundResult ? loaded : Page();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return Page();
        }

        try
        {
            Current = await api.PreviewAsync(id, ct);
        }
        catch (DirectoryApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }

        return Current is null ? NotFound() : Page();
    }

    public sealed class NewsInput
    {
        public string? Title { get; set; }

        public string? Category { get; set; }

        public string? BodyHtml { get; set; }

        /// <summary>Never shown again (a browser cannot keep a file in a form it is shown again).</summary>
        public IFormFile? Image { get; set; }

        public bool RemoveImage { get; set; }

        /// <summary>A <c>datetime-local</c> value, Paris time; empty: a draft.</summary>
        public string? PublishAt { get; set; }
    }
}
