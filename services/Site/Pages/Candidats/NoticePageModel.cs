using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Candidats;

namespace Nege.Site.Pages.Candidats;

/// <summary>
/// A public page of one of seed 004's notices: a published version at its own address, the current version
/// at the address without one, and the site's « Page introuvable » for any other version.
/// </summary>
public abstract class NoticePageModel(CandidateNotice notice) : PageModel
{
    public CandidateNotice Notice => notice;

    public string Version { get; private set; } = "";

    public bool IsCurrent => Version == notice.CurrentVersion;

    public IActionResult OnGet(string? version)
    {
        if (version is not null && !notice.Publishes(version))
        {
            return NotFound();
        }

        Version = version ?? notice.CurrentVersion;
        return Page();
    }
}
