using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Nege.ServiceDefaults.Security;

namespace Nege.Billing.Calls;

/// <summary>The treasurer records what a member paid; the full payment makes the receipt.</summary>
public static class PaymentsEndpoints
{
    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(FeeCallsEndpoints.Route + "/{id:guid}/payments", RecordAsync).RequireAccess(AccessPolicies.ManageFeeCalls).WithTags("Appels de cotisation")
            .WithSummary("Enregistrer un paiement (montant, date, virement, chèque ou carte, référence) : les paiements partiels s'additionnent, un trop-perçu est refusé");
        routes.MapGet("/api/billing/receipts/{id:guid}/pdf", ReceiptPdfAsync).RequireAccess(AccessPolicies.ReadFeeCalls).WithTags("Appels de cotisation")
            .WithSummary("Le PDF d'un reçu de cotisation");
        return routes;
    }

    private static async Task<Results<Created<FeeCallView>, ValidationProblem, NotFoundProblem, ConflictProblem>> RecordAsync(
        BillingDbContext db, TimeProvider clock, IOptions<AssociationIdentity> association, BillingLinks links, ClaimsPrincipal user, Guid id, PaymentRequest body,
        CancellationToken cancellationToken)
    {
        var today = clock.TodayInParis();
        var reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim();
        var errors = new ValidationErrors()
            .AddIf(body.AmountCents is null, "amountCents", "Le montant du paiement est obligatoire (en centimes d'euro).")
            .AddIf(body.AmountCents <= 0, "amountCents", "Le montant d'un paiement est positif.")
            .AddIf(body.PaidOn is null, "paidOn", "La date du paiement est obligatoire.")
            .AddIf(body.PaidOn > today, "paidOn", "La date du paiement ne peut pas être dans le futur.")
            .AddIf(body.Method is null, "method", "Le moyen de paiement est obligatoire : virement, chèque ou carte.")
            .AddIf(body.Method is not null && !Payment.Methods.ContainsKey(body.Method), "method", "Moyen de paiement inconnu : transfer, cheque ou card.")
            .AddIf(reference is { Length: > Payment.ReferenceMaxLength }, "reference", $"La référence fait au plus {Payment.ReferenceMaxLength} caractères.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var call = await db.FeeCalls.FromSql($"SELECT * FROM fee_calls WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (call is null)
        {
            return Problems.NotFound("Cet appel de cotisation n'existe pas.");
        }

        if (call.Status == FeeCallStatus.Cancelled)
        {
            return Problems.Conflict("Appel annulé", $"L'appel de cotisation {call.Number} est annulé par un avoir : il n'y a rien à régler.");
        }

        if (call.Status == FeeCallStatus.Paid)
        {
            return Problems.Conflict("Appel déjà réglé", $"L'appel de cotisation {call.Number} est déjà réglé en totalité.");
        }

        if (body.AmountCents > call.OutstandingCents)
        {
            return ValidationErrors.Single("amountCents",
                $"Le paiement de {Money.Format(body.AmountCents!.Value)} dépasse le reste dû de {Money.Format(call.OutstandingCents)} : un trop-perçu est refusé.").ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var payment = new Payment
        {
            Id = NewId.NextSequentialGuid(),
            FeeCallId = call.Id,
            AmountCents = body.AmountCents!.Value,
            PaidOn = body.PaidOn!.Value,
            Method = Payment.Methods[body.Method!],
            Reference = reference,
            RecordedBy = user.CallerName(),
            RecordedAt = now,
        };
        db.Payments.Add(payment);
        call.RecordPayment(payment.AmountCents);
        var member = await db.Members.SingleAsync(m => m.OrganisationId == call.OrganisationId, cancellationToken);

        Receipt? receipt = null;
        if (call.Status == FeeCallStatus.Paid)
        {
            var issuedOn = ParisTime.DateOf(now);
            var sequence = await DocumentNumbers.NextAsync(db, DocumentNumbers.Receipts, issuedOn.Year, cancellationToken);
            receipt = new Receipt
            {
                Id = NewId.NextSequentialGuid(),
                Number = DocumentNumbers.ReceiptNumber(issuedOn.Year, sequence),
                Year = issuedOn.Year,
                FeeCallId = call.Id,
                IssuedAt = now,
                IssuedOn = issuedOn,
            };
            var payments = await db.Payments.Where(p => p.FeeCallId == call.Id).OrderBy(p => p.RecordedAt).ToListAsync(cancellationToken);
            receipt.Freeze(BillingDocuments.ReceiptPdf(association.Value, receipt, call, [.. payments, payment]));
            db.Receipts.Add(receipt);
            await Lapses.ReinstateIfSettledAsync(db, member, call, now, cancellationToken);
        }

        db.AddToOutbox(new PaymentRecorded(payment.Id, call.Id, call.Number, call.Year, call.OrganisationId, call.OrganisationName, Lapses.Referent(member),
            payment.AmountCents, payment.PaidOn, Payment.Label(payment.Method), call.PaidCents, call.OutstandingCents, now)
        {
            ReceiptNumber = receipt?.Number,
            Receipt = receipt is null ? null : new Document(Receipt.FileName(receipt.Number), "application/pdf", receipt.Pdf),
            ExtranetLink = links.MemberCalls,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{FeeCallsEndpoints.Route}/{call.Id}", (await FeeCallsEndpoints.ViewsAsync(db, [call], cancellationToken))[0]);
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ReceiptPdfAsync(BillingDbContext db, Guid id, HttpResponse response, CancellationToken cancellationToken) =>
        await db.Receipts.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Number, r.Pdf }).SingleOrDefaultAsync(cancellationToken) is { } receipt
            ? FeeCallsEndpoints.Pdf(receipt.Pdf, Receipt.FileName(receipt.Number), response)
            : Problems.NotFound("Ce reçu n'existe pas.");
}
