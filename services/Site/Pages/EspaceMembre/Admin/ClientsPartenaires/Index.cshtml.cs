using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Admin.ClientsPartenaires;

public sealed class IndexModel(MembershipApi api) : PageModel
{
    public PageOf<PartnerClient>? Clients { get; private set; }

    public string? Notice { get; private set; }

    public Pager? Pager => Clients is { } clients ? new Pager(clients.Page, clients.PageCount, "?page=") : null;

    public async Task OnGetAsync(string? etat, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Notice = etat == "revoque" ? "Le client est révoqué : il ne peut plus obtenir de jeton, et ceux déjà délivrés expirent dans les 15 minutes." : null;
        try
        {
            Clients = await api.GetPartnerClientsAsync(Math.Max(1, pageNumber), ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
