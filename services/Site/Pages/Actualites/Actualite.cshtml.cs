using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;

namespace Nege.Site.Pages.Actualites;

/// <summary>A published news item: title, date, category, image and its text, sanitised again by the site; the 404 page otherwise.</summary>
public sealed class ActualiteModel(NewsApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public NewsView? News { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            News = await api.GetAsync(Id, ct);
        }
        catch (DirectoryApiException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return News is null ? NotFound() : Page();
    }
}
