using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre;

public sealed class MonCompteModel(MembershipApi api) : PageModel
{
    public Account? Me { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Me = await api.GetMeAsync(ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception);
        }
    }
}
