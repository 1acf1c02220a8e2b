using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Actualites;

namespace Nege.Site.Pages.EspaceMembre.Actualites;

/// <summary>
/// The image of a draft or a scheduled item, for its preview: Directory serves it to the editors only (their token),
/// which a browser's request through the gateway does not carry.
/// </summary>
public sealed class ImageModel(NewsApi api) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        HttpResponseMessage? image;
        try
        {
            image = await api.PreviewImageAsync(Id, ct);
        }
        catch (Nege.Site.Annuaire.DirectoryApiException)
        {
            return StatusCode(StatusCodes.Status502BadGateway);
        }

        if (image is null)
        {
            return NotFound();
        }

        Response.RegisterForDispose(image);
        var type = image.Content.Headers.ContentType?.MediaType;
        Response.Headers.CacheControl = "private, no-store";
        return File(await image.Content.ReadAsStreamAsync(ct), type is "image/png" or "image/jpeg" ? type : "application/octet-stream");
    }
}
