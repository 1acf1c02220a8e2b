using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Nege.Contracts.Api.Billing;
using Nege.ServiceDefaults.Data;
using Nege.Site.Cotisations;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>
/// « Aperçu »: the whole application before it is sent, what is still missing, the annual fee Billing would quote for
/// the draft's facts (when it answers: the preview never depends on it), and « Enregistrer ».
/// </summary>
public sealed class ApercuModel(MembershipApi api, IDataProtectionProvider dataProtection, BillingApi billing, TimeProvider clock)
    : DraftPageModel(api, dataProtection)
{
    /// <summary>How long the preview waits for the quote before showing itself without it.</summary>
    public static readonly TimeSpan QuoteTimeout = TimeSpan.FromSeconds(3);

    public const string FeeUnavailable =
        "Le montant de votre cotisation annuelle ne peut pas être estimé pour le moment : il figurera sur l'appel de cotisation qui vous sera adressé après l'acceptation de votre demande.";

    public const string FeeIncomplete =
        "Votre cotisation annuelle sera estimée quand la catégorie de l'organisme, son secteur d'activité et son périmètre d'adhésion seront renseignés ; son montant figurera sur l'appel de cotisation qui vous sera adressé après l'acceptation de votre demande.";

    /// <summary>The quote for the draft's facts; null when Billing refused them (<see cref="FeeIncomplete"/>) or did not answer.</summary>
    public FeeQuoteView? Fee { get; private set; }

    /// <summary>Why there is no <see cref="Fee"/>.</summary>
    public string? FeeNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is null)
        {
            return RedirectToPage("Referent");
        }

        await EstimateFeeAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindDraftAsync(ct) is null)
        {
            return RedirectToPage("Referent");
        }

        try
        {
            await Api.SubmitAsync(Access!, ct);
            return RedirectToPage("Envoyee");
        }
        catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.BadRequest)
        {
            // What is missing is listed from the draft, each with a link to its field.
            ModelState.AddModelError("", "Votre demande est incomplète : complétez les éléments indiqués ci-dessous, puis enregistrez-la.");
            Draft = await Api.GetDraftAsync(Access!, ct);
        }
        catch (MembershipApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        await EstimateFeeAsync(ct);
        return Page();
    }

    /// <summary>
    /// The facts the fee grid reads, as Membership will hand them to Billing at the admission: the category, the digital
    /// sector, the perimeter, whether the organisation is affiliated, and a start-up's facts once all three are given.
    /// </summary>
    public static FeeQuoteQuery QuoteOf(Nege.Contracts.Api.Membership.ApplicationView draft, int year)
    {
        var organisation = draft.Organisation;
        var startup = organisation.Startup is { CreationDate: not null, Headcount: not null, TurnoverBand: not null } facts ? facts : null;
        return new FeeQuoteQuery(
            year,
            organisation.Category,
            organisation.DigitalSector,
            organisation.Perimeter?.Alsace,
            organisation.Perimeter?.ChampagneArdenne,
            organisation.Perimeter?.Lorraine,
            organisation.Affiliation is not null,
            startup?.CreationDate,
            startup?.Headcount,
            startup?.TurnoverBand,
            startup?.SyntecStartupPack);
    }

    private async Task EstimateFeeAsync(CancellationToken ct)
    {
        if (Draft is null)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(QuoteTimeout);
        try
        {
            Fee = await billing.GetQuoteAsync(QuoteOf(Draft, clock.TodayInParis().Year), timeout.Token);
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.BadRequest)
        {
            FeeNotice = FeeIncomplete;
        }
        catch (BillingApiException)
        {
            FeeNotice = FeeUnavailable;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            FeeNotice = FeeUnavailable;
        }
    }
}
