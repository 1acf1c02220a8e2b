using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.Comptes;

public sealed class IndexModel(MembershipApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public PageOf<Account>? Accounts { get; private set; }

    public Pager? Pager => Accounts is { } accounts
        ? new Pager(accounts.Page, accounts.PageCount, $"?search={Uri.EscapeDataString(Search ?? "")}&page=")
        : null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        try
        {
            Accounts = await api.GetAccountsAsync(Search?.Trim(), Math.Max(1, pageNumber), ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
