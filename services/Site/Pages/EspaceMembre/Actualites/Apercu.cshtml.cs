using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Actualites;

/// <summary>
/// A news item as its public page will show it, whatever its state (Directory's <c>/preview</c>), with « Modifier »,
/// « Publier maintenant » (the same item, its publication date now) and, for a draft, its deletion.
/// </summary>
public sealed class ApercuModel(NewsApi api) : PageModel
{
    public const string Saved = "enregistre";

    public const string Published = "publie";

    [FromRoute]
    public Guid Id { get; set; }

    public NewsView? News { get; private set; }

    public NewsArticle? Article => News is { } news ? new NewsArticle(news, ImageUrl(news)) : null;

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        Notice = etat switch
        {
            Saved => "L'actualité est enregistrée.",
            Published => "L'actualité est publiée.",
            _ => null,
        };
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (News is not { } news)
        {
            return loaded;
        }

        try
        {
            var now = DateTimeOffset.UtcNow;
            await api.EditAsync(Id, new NewsRequest(news.Title, news.BodyHtml, news.Category, null, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond))), ct);
            return RedirectToPage(null, null, new { id = Id, etat = Published }, null);
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (DirectoryApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        try
        {
            await api.DeleteAsync(Id, ct);
            return Redirect($"{NewsDisplay.EditorPath}?etat={IndexModel.Deleted}");
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (DirectoryApiException exception)
        {
            // 409: scheduled or published meanwhile.
            ModelState.AddProblem(exception, "");
        }

        return await LoadAsync(ct);
    }

    /// <summary>A published item's image is public; a draft's comes through the site, with the editor's token.</summary>
    private static string? ImageUrl(NewsView news) =>
        news.ImageUrl is null ? null : news.Status == "published" ? news.ImageUrl : NewsDisplay.PreviewImagePath(news.Id);

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            News = await api.PreviewAsync(Id, ct);
        }
        catch (DirectoryApiException exception)
        {
            ModelState.AddProblem(exception, "");
            return Page();
        }

        return News is null ? NotFound() : Page();
    }
}
