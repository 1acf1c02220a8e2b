using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Billing;
using Nege.Site.Cotisations;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.MesCotisations;

/// <summary>
/// « Mes cotisations »: the fee calls of the referent's own organisation (Billing finds it in the person's token), with
/// their status, amounts, due date and PDF, and the credit notes that cancelled some of them.
/// </summary>
public sealed class IndexModel(BillingApi api) : PageModel
{
    /// <summary>Null when Billing did not answer (the message is at the top).</summary>
    public IReadOnlyList<FeeCallView>? Calls { get; private set; }

    /// <summary>The credit notes, each with the call it cancelled.</summary>
    public IReadOnlyList<(FeeCallView Call, CreditNoteView CreditNote)> CreditNotes =>
        [.. (Calls ?? []).Where(call => call.CreditNote is not null).Select(call => (call, call.CreditNote!))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Calls = await api.GetMyCallsAsync(ct);
        }
        catch (BillingApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }
    }
}
