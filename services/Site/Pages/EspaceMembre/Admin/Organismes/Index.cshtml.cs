using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Organismes;

public sealed class IndexModel(MembershipApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public PageOf<Organisation>? Organisations { get; private set; }

    public string? Notice { get; private set; }

    public Pager? Pager => Organisations is { } organisations
        ? new Pager(organisations.Page, organisations.PageCount,
            $"?search={Uri.EscapeDataString(Search ?? "")}&category={Uri.EscapeDataString(Category ?? "")}&page=")
        : null;

    public async Task OnGetAsync(string? etat, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Notice = etat == "cree" ? "L'organisme est créé." : null;
        try
        {
            Organisations = await api.GetOrganisationsAsync(Search?.Trim(), Category, Math.Max(1, pageNumber), MembershipApi.PageSize, ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
