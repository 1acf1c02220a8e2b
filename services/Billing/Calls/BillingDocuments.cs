using System.Globalization;
using Nege.Billing.Grids;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Printing;

namespace Nege.Billing.Calls;

/// <summary>The fee call's and the credit note's PDFs: what a French association shows its members and its auditor.</summary>
public static class BillingDocuments
{
    /// <summary>Associations' membership fees are outside VAT: the mention every document carries.</summary>
    public const string VatMention = "TVA non applicable, art. 261-7-1° du CGI";

    public static byte[] FeeCallPdf(AssociationIdentity association, FeeCall call, string? memberAddress)
    {
        var pdf = Letterhead(association)
            .Heading($"Appel de cotisation {call.Year} n° {call.Number}")
            .Row("Date d'émission", Day(call.IssuedOn))
            .Row("Date d'échéance", Day(call.DueOn), strong: true)
            .Row("Objet", $"{FeeCall.ReasonLabel(call.Reason)} {call.Year}")
            .Heading("Adhérent")
            .Paragraph(call.OrganisationName, strong: true)
            .Paragraph(memberAddress is null ? null : $"Siège régional : {memberAddress}")
            .Paragraph($"Catégorie : {call.Category}")
            .Paragraph($"À l'attention de {call.ReferentName}, référent de l'organisme ({call.ReferentEmail})")
            .Paragraph(call.Territories.Count > 0 ? $"Territoires du périmètre d'adhésion : {string.Join(", ", call.Territories)}" : null);

        Computation(pdf, call.Computation);
        pdf.Space().Row("Montant à régler", Money.Format(call.AmountCents), strong: true);
        if (call.Computation.Basis == FeeRules.AgreementBasis)
        {
            pdf.Paragraph("Montant fixé par convention entre l'organisme et l'association.");
        }

        pdf.Heading("Règlement")
            .Paragraph($"À régler au plus tard le {Day(call.DueOn)}, en rappelant la référence {call.Number} :")
            .Paragraph($"- par virement à l'ordre de {association.Name}"
                       + (association.Iban.Length > 0 ? $", IBAN {association.Iban}" : "")
                       + (association.Bic.Length > 0 ? $", BIC {association.Bic}" : ""))
            .Paragraph($"- par chèque à l'ordre de {association.Name}, adressé au trésorier")
            .Paragraph($"- par carte bancaire : {association.CardPayment}")
            .Paragraph("Un reçu vous est adressé dès le règlement complet de la cotisation.");
        return Footer(pdf).ToBytes();
    }

    public static byte[] CreditNotePdf(AssociationIdentity association, CreditNote note, FeeCall call)
    {
        var pdf = Letterhead(association)
            .Heading($"Avoir n° {note.Number}")
            .Row("Date d'émission", Day(note.IssuedOn))
            .Row("Annule l'appel de cotisation", $"n° {call.Number} du {Day(call.IssuedOn)}")
            .Heading("Adhérent")
            .Paragraph(call.OrganisationName, strong: true)
            .Paragraph($"À l'attention de {call.ReferentName}, référent de l'organisme ({call.ReferentEmail})")
            .Heading("Motif")
            .Paragraph(note.Reason)
            .Space()
            .Row($"Cotisation {call.Year} appelée", Money.Format(call.AmountCents))
            .Row("Montant de l'avoir", Money.Format(-note.AmountCents), strong: true)
            .Paragraph("Cet avoir annule l'appel de cotisation en totalité : il n'y a rien à régler à ce titre.");
        return Footer(pdf).ToBytes();
    }

    public static byte[] ReceiptPdf(AssociationIdentity association, Receipt receipt, FeeCall call, IReadOnlyList<Payment> payments)
    {
        var pdf = Letterhead(association)
            .Heading($"Reçu de cotisation n° {receipt.Number}")
            .Row("Date d'émission", Day(receipt.IssuedOn))
            .Row("Appel de cotisation réglé", $"n° {call.Number} du {Day(call.IssuedOn)}")
            .Heading("Adhérent")
            .Paragraph(call.OrganisationName, strong: true)
            .Paragraph($"À l'attention de {call.ReferentName}, référent de l'organisme ({call.ReferentEmail})")
            .Space()
            .Paragraph($"{association.Name} reconnaît avoir reçu de {call.OrganisationName} la somme de {Money.Format(call.AmountCents)} "
                       + $"au titre de sa cotisation {call.Year}, réglée en totalité.")
            .Heading("Paiements reçus");
        foreach (var payment in payments)
        {
            pdf.Row($"{Day(payment.PaidOn)} - {Payment.Label(payment.Method)}{(payment.Reference is { } reference ? $" ({reference})" : "")}", Money.Format(payment.AmountCents));
        }

        pdf.Row("Total reçu", Money.Format(payments.Sum(p => p.AmountCents)), strong: true);
        return Footer(pdf).ToBytes();
    }

    private static PlainPdf Letterhead(AssociationIdentity association) => new PlainPdf()
        .Title(association.Name)
        .Paragraph(association.LegalForm)
        .Paragraph(association.Address)
        .Paragraph(string.Join(" - ", new[] { association.Website, association.Email }.Where(part => part.Length > 0)))
        .Space();

    private static void Computation(PlainPdf pdf, FeeQuoteView quote)
    {
        pdf.Heading($"Calcul de la cotisation (grille de cotisation {quote.GridYear})");
        foreach (var line in quote.Lines)
        {
            pdf.Row(line.Label, line.Value);
        }

        pdf.Paragraph(quote.Explanation);
    }

    private static PlainPdf Footer(PlainPdf pdf) => pdf.Space().Paragraph(VatMention, strong: true);

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
