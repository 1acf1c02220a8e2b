using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nege.Site.Pages.Adhesion;

/// <summary>« Devenir adhérent »: how to apply, and where to start (or resume) the application.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>A draft was begun in this browser (its cookie is only sent under /adhesion).</summary>
    public bool Resuming { get; private set; }

    public void OnGet() => Resuming = Request.Cookies.ContainsKey(DraftPageModel.CookieName);
}
