using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Membership;
using Nege.Site.Actualites;
using Nege.Site.Annuaire;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Actualites;

/// <summary>
/// « Actualités »: the published news, newest first, filtered by category in a form sent by GET (no script), with a
/// pager and the Atom feed of the category (or of all of them).
/// </summary>
public sealed class IndexModel(NewsApi api) : PageModel
{
    public static IReadOnlyList<(string Value, string Label)> Categories { get; } =
        [("", "Toutes les catégories"), .. MembershipForm.NewsCategories.Select(category => (category, category))];

    /// <summary>The category as chosen (null: all of them).</summary>
    public string? Category { get; private set; }

    public Nege.ServiceDefaults.Http.PageOf<NewsSummaryView>? Results { get; private set; }

    public Pager? Pager { get; private set; }

    /// <summary>The category in the site's query, after <paramref name="start"/> (« ? » or « &amp; »); empty without one.</summary>
    public string CategoryQuery(string start) => Category is null ? "" : $"{start}{NewsDisplay.CategoryParameter}={Uri.EscapeDataString(Category)}";

    public async Task OnGetAsync([FromQuery(Name = NewsDisplay.CategoryParameter)] string? categorie, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Category = string.IsNullOrWhiteSpace(categorie) ? null : categorie.Trim();
        ModelState.Clear();
        try
        {
            Results = await api.ListAsync(Category, Math.Max(1, pageNumber), ct);
            Pager = Pager.Of(Results.Page, Results.PageSize, Results.Total, $"?{CategoryQuery("")}{(Category is null ? "" : "&")}page=");
        }
        catch (DirectoryApiException exception)
        {
            var errors = exception.Problem?.Errors ?? new Dictionary<string, string[]>();
            foreach (var (parameter, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(parameter.Equals("category", StringComparison.OrdinalIgnoreCase) ? nameof(Category) : "", message);
                }
            }

            if (errors.Count == 0)
            {
                ModelState.AddModelError("", exception.Problem?.Detail ?? exception.Unavailable);
            }
        }
    }
}
