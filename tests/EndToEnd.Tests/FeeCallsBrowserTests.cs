using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// « Appels de cotisation » in a browser, through the gateway: a new member's fee call (the board's approval through
/// the gateway, Billing's call on <c>MembershipApproved</c>) found by the treasurer with the list's filters, paid in
/// two parts typed in euros, an overpayment refused beside the amount with nothing recorded, then the receipt: its PDF
/// downloaded from the call's page, and the same PDF e-mailed to the referent. And the referent's « Effectifs du
/// périmètre », which the next renewal call uses.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class FeeCallsBrowserTests(RunningSystem system) : BrowserTest
{
    private static readonly TimeSpan MailTimeout = Identities.MailTimeout;

    [Fact]
    public async Task The_treasurer_records_a_partial_payment_is_refused_an_overpayment_and_settles_the_call_whose_receipt_reaches_the_referent()
    {
        var member = await NewMemberWithFeeCallAsync();
        var year = member.CallNumber[..4];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var typedDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shownDate = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var treasurer = await system.Identities.PersonWithRoleAsync(NegeRoles.Treasurer);
        var page = await LogInAsync(system.GatewayUrl, treasurer.Email, treasurer.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Appels de cotisation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appels de cotisation", Level = 1 })).ToBeVisibleAsync();

        // Every year's calls by default (after an approval in the last months the call is for next year): the treasurer searches the member.
        await page.GetByLabel("Organisme ou numéro", new() { Exact = true }).FillAsync(member.OrganisationName);
        await page.GetByLabel("Statut", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "À régler" });
        await page.GetByLabel("Catégorie d'organisme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Entreprise" });
        await page.GetByLabel("Territoire", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alsace" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        var row = page.Locator("table.appels tbody tr", new() { HasText = member.OrganisationName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(Cells(member.CallNumber, member.OrganisationName, "384 €", "0 €", "384 €", "À régler", DueDate, "PDF"));

        await row.GetByRole(AriaRole.Link, new() { Name = member.CallNumber, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/espace-membre/cotisations/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Appel de cotisation {member.CallNumber}");
        await Assertions.Expect(Detail(page, "Organisme")).ToHaveTextAsync(member.OrganisationName);
        await Assertions.Expect(Detail(page, "Statut")).ToHaveTextAsync("À régler");
        await Assertions.Expect(Detail(page, "Montant")).ToHaveTextAsync("384 €");
        await Assertions.Expect(Detail(page, "Reste dû")).ToHaveTextAsync("384 €");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Aucun paiement enregistré.");
        await Assertions.Expect(page.Locator("form.paiement legend")).ToHaveTextAsync("Enregistrer un paiement (reste dû : 384 €)");

        // A first part by cheque.
        await RecordAsync(page, "184,50", typedDate, "Chèque", "Chèque n° 0012345");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le paiement est enregistré.");
        var payments = page.GetByRole(AriaRole.Table, new() { Name = "Paiements reçus" }).Locator("tbody tr");
        await Assertions.Expect(payments).ToHaveCountAsync(1);
        await Assertions.Expect(payments.Nth(0).Locator("td")).ToHaveTextAsync([shownDate, "Chèque", "Chèque n° 0012345", "184,50 €", treasurer.DisplayName]);
        await Assertions.Expect(Detail(page, "Statut")).ToHaveTextAsync("Partiellement réglé");
        await Assertions.Expect(Detail(page, "Payé")).ToHaveTextAsync("184,50 €");
        await Assertions.Expect(Detail(page, "Reste dû")).ToHaveTextAsync("199,50 €");
        await Assertions.Expect(page.Locator("form.paiement legend")).ToHaveTextAsync("Enregistrer un paiement (reste dû : 199,50 €)");
        // Paid in part, the call can no longer be cancelled by a credit note.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'appel et émettre l'avoir" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Cet appel de cotisation a reçu des paiements : il ne peut pas être annulé par un avoir.");
        var partial = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == member.ReferentEmail) && e.Subject.StartsWith($"Paiement reçu – appel de cotisation {member.CallNumber}", StringComparison.Ordinal),
            MailTimeout, "the referent's e-mail about the partial payment");
        Assert.Contains("il reste 199,50 € à régler", partial.Text, StringComparison.Ordinal);

        // More than what remains due: Billing's refusal beside the amount, what was typed kept, nothing recorded.
        await RecordAsync(page, "250", typedDate, "Chèque", "Chèque n° 0012346");
        var amount = page.GetByLabel("Montant reçu, en euros *", new() { Exact = true });
        var refusal = "Le paiement de 250 € dépasse le reste dû de 199,50 € : un trop-perçu est refusé.";
        await Assertions.Expect(page.Locator("#Payment_Amount-erreur")).ToHaveTextAsync(refusal);
        await Assertions.Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(amount).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(refusal) + "$"));
        await Assertions.Expect(amount).ToHaveValueAsync("250");
        await Assertions.Expect(page.GetByLabel("Date du paiement *", new() { Exact = true })).ToHaveValueAsync(typedDate);
        await Assertions.Expect(page.GetByLabel("Moyen de paiement *", new() { Exact = true })).ToHaveValueAsync("cheque");
        await Assertions.Expect(page.GetByLabel("Référence (n° de chèque, de virement)", new() { Exact = true })).ToHaveValueAsync("Chèque n° 0012346");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Assertions.Expect(payments).ToHaveCountAsync(1);
        await Assertions.Expect(Detail(page, "Payé")).ToHaveTextAsync("184,50 €");
        await Assertions.Expect(Detail(page, "Reste dû")).ToHaveTextAsync("199,50 €");
        await Assertions.Expect(Detail(page, "Statut")).ToHaveTextAsync("Partiellement réglé");

        // The rest by transfer: the call is settled and its receipt issued.
        await RecordAsync(page, "199,50", typedDate, "Virement", "VIR-0002");
        var receiptLink = page.GetByRole(AriaRole.Link, new() { NameRegex = ReceiptLinkName() });
        await Assertions.Expect(receiptLink).ToBeVisibleAsync();
        var receiptNumber = ReceiptLinkName().Match(await receiptLink.InnerTextAsync()).Groups["number"].Value;
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            $"Le paiement est enregistré : l'appel de cotisation est réglé en totalité, le reçu {receiptNumber} est émis et envoyé au référent.");
        await Assertions.Expect(Detail(page, "Statut")).ToHaveTextAsync("Réglé");
        await Assertions.Expect(Detail(page, "Payé")).ToHaveTextAsync("384 €");
        await Assertions.Expect(Detail(page, "Reste dû")).ToHaveTextAsync("0 €");
        await Assertions.Expect(payments).ToHaveCountAsync(2);
        await Assertions.Expect(payments.Nth(1).Locator("td")).ToHaveTextAsync([shownDate, "Virement", "VIR-0002", "199,50 €", treasurer.DisplayName]);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" })).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => receiptLink.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(downloaded, 0, 5));
        var receiptText = await PdfText.OfAsync(downloaded);
        Assert.Contains($"Reçu de cotisation n° {receiptNumber}", receiptText, StringComparison.Ordinal);
        Assert.Contains("la somme de 384 €", receiptText, StringComparison.Ordinal);
        Assert.Contains(member.CallNumber, receiptText, StringComparison.Ordinal);

        // The referent received that very receipt.
        var receiptEmail = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == member.ReferentEmail) && e.Subject.Contains(receiptNumber, StringComparison.Ordinal),
            MailTimeout, "the referent's receipt e-mail");
        Assert.Equal($"Reçu de cotisation {receiptNumber} – Numéric'Emploi Grand Est", receiptEmail.Subject);
        Assert.Contains($"l'appel de cotisation {member.CallNumber} de l'organisme « {member.OrganisationName} »", receiptEmail.Text, StringComparison.Ordinal);
        var attached = Assert.Single(await system.Sink.ReadAttachmentsAsync(receiptEmail));
        Assert.Equal("application/pdf", attached.ContentType);
        Assert.Equal(downloaded, attached.Content);

        // Back in the list, the call is among the paid ones.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour aux appels de cotisation" }).ClickAsync();
        await page.GetByLabel("Année", new() { Exact = true }).FillAsync(year);
        await page.GetByLabel("Statut", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Réglé" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(Cells(member.CallNumber, member.OrganisationName, "384 €", "384 €", "0 €", "Réglé", DueDate, "PDF"));
    }

    [Fact]
    public async Task The_referent_updates_the_headcounts_the_next_renewal_call_will_use_and_a_perimeter_at_zero_is_refused()
    {
        var member = await NewMemberWithFeeCallAsync();
        var page = await LogInAsync(system.GatewayUrl, member.ReferentEmail, member.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Espace membre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Effectifs du périmètre", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Effectifs du périmètre", Level = 1 })).ToBeVisibleAsync();

        // The member is called for the year of its admission: the next call is the following year's renewal.
        var nextYear = int.Parse(member.CallNumber[..4], CultureInfo.InvariantCulture) + 1;
        await Assertions.Expect(page.GetByText($"Votre appel de cotisation {nextYear} sera émis le 1er janvier {nextYear} avec les effectifs ci-dessous.")).ToBeVisibleAsync();
        await Assertions.Expect(Detail(page, "Alsace")).ToHaveTextAsync("12 salariés");
        await Assertions.Expect(Detail(page, "Lorraine")).ToHaveTextAsync("3 salariés");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Cotisation {nextYear} estimée : 384 €" })).ToBeVisibleAsync();

        await page.GetByLabel("Alsace", new() { Exact = true }).FillAsync("0");
        await page.GetByLabel("Lorraine", new() { Exact = true }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer ces effectifs" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Indiquez un nombre supérieur à 0 pour au moins un territoire").First).ToBeVisibleAsync();
        await Assertions.Expect(Detail(page, "Alsace")).ToHaveTextAsync("12 salariés");

        await page.GetByLabel("Alsace", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Lorraine", new() { Exact = true }).FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer ces effectifs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Vos effectifs sont enregistrés : l'appel de cotisation {nextYear} les utilisera.");
        await Assertions.Expect(Detail(page, "Lorraine")).ToHaveTextAsync("20 salariés");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Cotisation {nextYear} estimée : 672 €" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Entreprise du secteur numérique, 32 salariés sur le périmètre (Alsace 12, Lorraine 20), non affiliée : tranche 25 à 50, 672 €")).ToBeVisibleAsync();
    }

    private static async Task RecordAsync(IPage page, string amount, string paidOn, string method, string reference)
    {
        await page.GetByLabel("Montant reçu, en euros *", new() { Exact = true }).FillAsync(amount);
        await page.GetByLabel("Date du paiement *", new() { Exact = true }).FillAsync(paidOn);
        await page.GetByLabel("Moyen de paiement *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = method });
        await page.GetByLabel("Référence (n° de chèque, de virement)", new() { Exact = true }).FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" }).ClickAsync();
    }

    /// <summary>The value beside a term of the call's details (« Reste dû » → « 199,50 € »).</summary>
    private static ILocator Detail(IPage page, string term) =>
        page.Locator("dl.details").First.Locator($"xpath=./dt[normalize-space()=\"{term}\"]/following-sibling::dd[1]");

    /// <summary>Any date « 31/03/2027 » (the due date is 30 days after the issue, in Paris).</summary>
    private const string DueDate = @"\d{2}/\d{2}/\d{4}";

    /// <summary>A row's cells, each exactly (<see cref="DueDate"/> as a pattern).</summary>
    private static Regex[] Cells(params string[] cells) =>
        [.. cells.Select(cell => new Regex(@"^\s*" + (cell == DueDate ? cell : Regex.Escape(cell)) + @"\s*$"))];

    /// <summary>A new member (see <see cref="NewMembers"/>: an « Entreprise » of the digital sector, 12 + 3 staff on the perimeter: 384 €) and its fee call.</summary>
    private Task<NewMember> NewMemberWithFeeCallAsync() =>
        NewMembers.ApproveAsync(system, $"Paiements Exemple {Guid.NewGuid().ToString("N")[..10]}");

    [GeneratedRegex(@"^Télécharger le reçu (?<number>R-\d{4}-\d{4}) \(PDF\)$")]
    private static partial Regex ReceiptLinkName();
}
