using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Actualites;

/// <summary>
/// The editors' news: the drafts and the scheduled items (Directory's <c>/drafts</c>), each to preview, « Nouvelle
/// actualité », and the latest published ones, to correct.
/// </summary>
public sealed class IndexModel(NewsApi api) : PageModel
{
    public const string Deleted = "supprime";

    public Nege.ServiceDefaults.Http.PageOf<NewsView>? Drafts { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>The newest published items (the public list's first page): a published item can be corrected too.</summary>
    public Nege.ServiceDefaults.Http.PageOf<NewsSummaryView>? Published { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, string? etat, CancellationToken ct)
    {
        ModelState.Clear();
        if (etat == Deleted)
        {
            Notice = "Le brouillon est supprimé.";
        }

        try
        {
            Drafts = await api.DraftsAsync(Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Drafts.Page, Drafts.PageSize, Drafts.Total, "?page=");
            Published = await api.ListAsync(category: null, page: 1, ct);
        }
        catch (DirectoryApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
