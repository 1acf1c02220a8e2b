using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Contracts.Api.Billing;
using Nege.Site.Cotisations;
using Nege.Site.Membership;

namespace Nege.Site.Pages.EspaceMembre.Cotisations;

/// <summary>
/// A fee call: its amounts and status, how it was computed, its PDF, and the credit note that cancelled it when there
/// is one (with its PDF). The treasurer and the administrators cancel a call here, with the reason written on the credit
/// note; the board reads it only.
/// </summary>
public sealed class AppelModel(BillingApi api) : PageModel
{
    public const string Cancelled = "annule";

    /// <summary>The key of the messages about the cancellation as a whole (409: already cancelled), at the top of its form.</summary>
    public const string CancellationKey = nameof(Cancellation);

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public CancellationInput Cancellation { get; set; } = new();

    /// <summary>The key of the messages about the payment as a whole (409: paid or cancelled meanwhile), at the top of its form.</summary>
    public const string PaymentKey = nameof(Payment);

    public const string PaymentRecorded = "paiement";

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    /// <summary>The treasurer and the administrators record payments of a call still to be paid.</summary>
    public bool OffersPayment => Call is { Status: "issued" or "partially_paid" } && BillingAccess.CanCancel(User);

    public FeeCallView? Call { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>The treasurer and the administrators, for a call neither cancelled yet nor paid in part (Billing refuses it then).</summary>
    public bool OffersCancellation => Call is { Status: not "cancelled", PaidCents: 0 } && BillingAccess.CanCancel(User);

    /// <summary>Why a call the treasurer might want to cancel cannot be: it received payments.</summary>
    public bool PaidSoNotCancellable => Call is { Status: not "cancelled", PaidCents: > 0 } && BillingAccess.CanCancel(User);

    public async Task<IActionResult> OnGetAsync(string? etat, CancellationToken ct)
    {
        var page = await LoadAsync(ct);
        if (etat == PaymentRecorded)
        {
            Notice = Call?.Receipt is { } receipt
                ? $"Le paiement est enregistré : l'appel de cotisation est réglé en totalité, le reçu {receipt.Number} est émis et envoyé au référent."
                : "Le paiement est enregistré.";
        }

        if (etat == Cancelled)
        {
            Notice = Call?.CreditNote is { } creditNote
                ? $"L'appel de cotisation est annulé : l'avoir {creditNote.Number} est émis, avec le motif indiqué."
                : "L'appel de cotisation est annulé : l'avoir est émis, avec le motif indiqué.";
        }

        return page;
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!BillingAccess.CanCancel(User))
        {
            return Forbid();
        }

        var reason = string.IsNullOrWhiteSpace(Cancellation.Reason) ? null : Cancellation.Reason.Trim();
        if (reason is null)
        {
            ModelState.AddModelError($"{nameof(Cancellation)}.{nameof(CancellationInput.Reason)}", "Indiquez le motif de l'annulation : il est écrit sur l'avoir.");
            return await LoadAsync(ct);
        }

        try
        {
            await api.CancelAsync(Id, reason, ct);
            return RedirectToPage(null, null, new { id = Id, etat = Cancelled }, "avoir");
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (BillingApiException exception) when (exception.Problem?.Errors is { Count: > 0 } || exception.Status == HttpStatusCode.Unauthorized)
        {
            // 400 reason: beside the field.
            ModelState.AddProblem(exception, nameof(Cancellation));
        }
        catch (BillingApiException exception)
        {
            // 409 already cancelled, 403: at the top of the form.
            ModelState.AddModelError(CancellationKey, exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }

        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPaymentAsync(CancellationToken ct)
    {
        if (!BillingAccess.CanCancel(User))
        {
            return Forbid();
        }

        var cents = BillingDisplay.ParseEuros(Payment.Amount);
        if (cents is null)
        {
            ModelState.AddModelError($"{nameof(Payment)}.{nameof(PaymentInput.Amount)}", "Indiquez le montant reçu en euros, par exemple 184,50.");
        }

        if (Payment.PaidOn is null)
        {
            ModelState.AddModelError($"{nameof(Payment)}.{nameof(PaymentInput.PaidOn)}", "Indiquez la date du paiement.");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct);
        }

        try
        {
            await api.RecordPaymentAsync(Id, new PaymentRequest(cents, Payment.PaidOn, Payment.Method, Payment.Reference), ct);
            return RedirectToPage(null, null, new { id = Id, etat = PaymentRecorded }, "paiements");
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (BillingApiException exception) when (exception.Problem?.Errors is { Count: > 0 } errors)
        {
            // Billing names the amount in cents; the form asks it in euros.
            var renamed = errors.ToDictionary(e => e.Key == "amountCents" ? "amount" : e.Key, e => e.Value);
            ModelState.AddProblem(new BillingApiException(exception.Status, exception.Problem with { Errors = renamed }), nameof(Payment));
        }
        catch (BillingApiException exception)
        {
            ModelState.AddModelError(PaymentKey, exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }

        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        try
        {
            Call = await api.GetCallAsync(Id, ct);
        }
        catch (BillingApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return NotFound();
        }
        catch (BillingApiException exception)
        {
            ModelState.AddProblem(exception, "");
        }

        return Page();
    }

    public sealed class CancellationInput
    {
        public string? Reason { get; set; }
    }

    public sealed class PaymentInput
    {
        public string? Amount { get; set; }

        public DateOnly? PaidOn { get; set; }

        public string? Method { get; set; } = "transfer";

        public string? Reference { get; set; }
    }
}
