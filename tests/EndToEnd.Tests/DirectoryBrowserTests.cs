using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// « Annuaire des entreprises » in a browser, through the gateway, as an anonymous visitor: from the home page to the
/// directory, a search typed without accents nor capitals and with the words' beginnings only finds a new member named
/// with accents (the directory is fed by Membership's events: the search is polled until it appears), its page shows
/// its card but never its HR contact's address, and « Écrire au responsable RH » relays the message to that HR
/// contact (the referent) with the CV attached byte for byte and the visitor as Reply-To, and acknowledges it to the
/// visitor without naming the recipient. A renamed executable offered as the CV is refused beside the field, and
/// nothing is sent.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DirectoryBrowserTests(RunningSystem system) : BrowserTest
{
    /// <summary>Directory learns of the member from <c>MembershipApproved</c> and <c>OrganisationCardChanged</c>, through the broker.</summary>
    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(60);

    private const string CvRefusal =
        "Ce fichier est un programme exécutable, quel que soit son nom : il est refusé. Seuls les PDF et les documents Word (DOC, DOCX) ou OpenDocument (ODT) sont acceptés.";

    [Fact]
    public async Task A_visitor_finds_a_member_without_accents_and_writes_to_its_HR_with_a_CV_that_arrives_attached()
    {
        var word = UniqueWord();
        var name = $"Numérique Éthique {word}";
        var member = await NewMembers.ApproveAsync(system, name,
            presentationHtml: "<p>Conseil en <strong>développement</strong> de logiciels responsables, de Metz à Reims.</p>",
            // In the seed's order, as the directory lists them.
            mainActivities: ["Éditeur de logiciel, plateforme SaaS", "ESN - Conseils et Services Logiciels"],
            siteDepartements: ["Lorraine : Moselle (57)"],
            interventionDepartements: ["Lorraine : Moselle (57)", "Champagne Ardennes : Marne (51)"],
            perimeter: (0, 2, 8), emailPrefix: "rh");

        // The home page leads to the directory.
        var page = await NewPageAsync();
        await page.GotoAsync(system.GatewayUrl + "/");
        await page.GetByRole(AriaRole.List, new() { Name = "Accès directs" })
            .GetByRole(AriaRole.Link, new() { Name = "Consulter l'annuaire", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/annuaire$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annuaire des entreprises", Level = 1 })).ToBeVisibleAsync();

        // Lower case, no accents, the beginnings of the words: « numerique ethiq kzqvt » finds « Numérique Éthique kzqvtbrm ».
        var typed = $"numerique ethiq {word[..5]}";
        await page.GetByLabel("Rechercher", new() { Exact = true }).FillAsync(typed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/annuaire\?q=numerique\+ethiq\+" + word[..5] + "(&|$)"));
        var result = page.Locator("article.organisme", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });
        await Eventually.UntilAsync(async () =>
        {
            if (await result.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }, DirectoryTimeout, $"« {name} » found in the directory by « {typed} »");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 organisme correspond à votre recherche.");
        await Assertions.Expect(page.GetByLabel("Rechercher", new() { Exact = true })).ToHaveValueAsync(typed);
        await Assertions.Expect(Detail(result, "Catégorie")).ToHaveTextAsync("Entreprise");
        await Assertions.Expect(Detail(result, "Activités principales")).ToHaveTextAsync("Éditeur de logiciel, plateforme SaaS, ESN - Conseils et Services Logiciels");
        await Assertions.Expect(Detail(result, "Départements")).ToHaveTextAsync("Lorraine : Moselle (57), Champagne Ardennes : Marne (51)");

        // Its page: the card, and the HR contact's address nowhere.
        await result.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/annuaire/{member.OrganisationId}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Présentation" })).ToContainTextAsync("Conseil en développement de logiciels responsables");
        await Assertions.Expect(ListIn(page, "Activités principales")).ToHaveTextAsync(["Éditeur de logiciel, plateforme SaaS", "ESN - Conseils et Services Logiciels"]);
        await Assertions.Expect(ListIn(page, "Implantations")).ToHaveTextAsync(["Lorraine : Moselle (57)"]);
        await Assertions.Expect(ListIn(page, "Zones d'intervention")).ToHaveTextAsync(["Lorraine : Moselle (57)", "Champagne Ardennes : Marne (51)"]);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(member.HrContactEmail, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mosellane", html, StringComparison.Ordinal);

        // « Écrire au responsable RH » with a CV.
        var visitor = $"camille.{word}@candidat-exemple.fr";
        var subject = $"Candidature spontanée {word}";
        var cv = SmallPdf($"CV de Camille Vosgienne {word}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Écrire au responsable RH" })).ToBeVisibleAsync();
        await FillAsync(page, "Camille Vosgienne", visitor, subject,
            "Bonjour,\nDéveloppeuse .NET à Metz, je vous propose ma candidature spontanée.\nCamille");
        await page.GetByLabel("CV (facultatif)", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "cv-camille.pdf", MimeType = "application/pdf", Buffer = cv });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Votre message a été transmis à {name}.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/annuaire/{member.OrganisationId}$"));
        Assert.DoesNotContain(member.HrContactEmail, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        // The HR contact (the referent: the application named no other) receives it, the CV attached, the visitor to reply to.
        var relayed = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == member.HrContactEmail) && e.Subject.Contains(word, StringComparison.Ordinal),
            Identities.MailTimeout, "the message to the HR contact");
        Assert.Equal($"Message d'un candidat via l'annuaire : {subject}", relayed.Subject);
        Assert.Contains("Camille Vosgienne", relayed.Text, StringComparison.Ordinal);
        Assert.Contains("je vous propose ma candidature spontanée", relayed.Text, StringComparison.Ordinal);
        Assert.Contains($"à l'attention de l'organisme « {name} »", relayed.Text, StringComparison.Ordinal);
        var attached = Assert.Single(await system.Sink.ReadAttachmentsAsync(relayed));
        Assert.Equal("cv-camille.pdf", attached.FileName);
        Assert.Equal("application/pdf", attached.ContentType);
        Assert.Equal(cv, attached.Content);
        Assert.Contains($"CV de Camille Vosgienne {word}", await PdfText.OfAsync(attached.Content), StringComparison.Ordinal);
        var replyTo = Assert.Single((await system.Sink.ReadHeadersAsync(relayed))["Reply-To"]);
        Assert.Contains(visitor, replyTo, StringComparison.OrdinalIgnoreCase);

        // The visitor's acknowledgement never names the recipient.
        var acknowledgement = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == visitor), Identities.MailTimeout, "the visitor's acknowledgement");
        Assert.Equal($"Votre message à {name} a été transmis", acknowledgement.Subject);
        Assert.Contains(subject, acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Votre CV y était joint : « cv-camille.pdf ».", acknowledgement.Text, StringComparison.Ordinal);
        foreach (var body in new[] { acknowledgement.Text, acknowledgement.Html })
        {
            Assert.DoesNotContain(member.HrContactEmail, body ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Mosellane", body ?? "", StringComparison.Ordinal);
        }

        Assert.Empty(await system.Sink.ReadAttachmentsAsync(acknowledgement));
    }

    [Fact]
    public async Task A_renamed_executable_offered_as_the_CV_is_refused_beside_the_field_and_nothing_is_sent()
    {
        var word = UniqueWord();
        var name = $"Atelier Éthique {word}";
        var member = await NewMembers.ApproveAsync(system, name, presentationHtml: "<p>Atelier de développement logiciel.</p>", emailPrefix: "rh");

        // The organisation's page exists once Directory has the member.
        var page = await NewPageAsync();
        var path = $"{system.GatewayUrl}/annuaire/{member.OrganisationId}";
        await Eventually.UntilAsync(async () => (await page.GotoAsync(path))?.Status == 200, DirectoryTimeout, $"the directory's page of « {name} »");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);

        var visitor = $"dominique.{word}@candidat-exemple.fr";
        var subject = $"Candidature {word}";
        const string message = "Bonjour, voici mon CV.";
        await FillAsync(page, "Dominique Ardennaise", visitor, subject, message);
        // A Windows executable's header (« MZ »), named as a PDF.
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode.\r\n"u8];
        var cvField = page.GetByLabel("CV (facultatif)", new() { Exact = true });
        await cvField.SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = executable });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();

        // Directory's refusal beside the CV, what was typed kept, no confirmation.
        await Assertions.Expect(page.Locator("#Input_Cv-erreur")).ToHaveTextAsync(CvRefusal);
        await Assertions.Expect(cvField).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(cvField).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(CvRefusal) + "$"));
        await Assertions.Expect(page.GetByLabel("Votre nom *", new() { Exact = true })).ToHaveValueAsync("Dominique Ardennaise");
        await Assertions.Expect(page.GetByLabel("Votre adresse e-mail *", new() { Exact = true })).ToHaveValueAsync(visitor);
        await Assertions.Expect(page.GetByLabel("Objet *", new() { Exact = true })).ToHaveValueAsync(subject);
        await Assertions.Expect(page.GetByLabel("Message *", new() { Exact = true })).ToHaveValueAsync(message);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);

        // Nothing was kept: the same message without the CV is not « already sent today », and it is the only one relayed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Votre message a été transmis à {name}.");
        var relayed = await system.Sink.WaitForAsync(
            e => e.To.Any(to => to.Address == member.HrContactEmail) && e.Subject.Contains(word, StringComparison.Ordinal),
            Identities.MailTimeout, "the message to the HR contact");
        Assert.Contains("Aucun CV n'accompagne ce message.", relayed.Text, StringComparison.Ordinal);
        Assert.Empty(await system.Sink.ReadAttachmentsAsync(relayed));
        await system.Sink.WaitForAsync(e => e.To.Any(to => to.Address == visitor), Identities.MailTimeout, "the visitor's acknowledgement");
        var all = await system.Sink.GetAllAsync();
        Assert.Single(all, e => e.To.Any(to => to.Address == member.HrContactEmail) && e.Subject.Contains(word, StringComparison.Ordinal));
        Assert.Single(all, e => e.To.Any(to => to.Address == visitor));
    }

    private static async Task FillAsync(IPage page, string senderName, string email, string subject, string message)
    {
        await page.GetByLabel("Votre nom *", new() { Exact = true }).FillAsync(senderName);
        await page.GetByLabel("Votre adresse e-mail *", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Objet *", new() { Exact = true }).FillAsync(subject);
        await page.GetByLabel("Message *", new() { Exact = true }).FillAsync(message);
    }

    /// <summary>The value beside a term of a result's details (« Départements » → « Lorraine : Moselle (57), … »).</summary>
    private static ILocator Detail(ILocator result, string term) =>
        result.Locator($"xpath=.//dl[contains(@class,'details')]/dt[normalize-space()=\"{term}\"]/following-sibling::dd[1]");

    /// <summary>The items of the organisation page's section headed <paramref name="heading"/>.</summary>
    private static ILocator ListIn(IPage page, string heading) =>
        page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true }).GetByRole(AriaRole.Listitem);

    /// <summary>
    /// A word no other organisation has, of consonants only: French stemming leaves it whole (it has no vowel to cut
    /// a suffix after), so that its beginning is a prefix of what is indexed.
    /// </summary>
    private static string UniqueWord()
    {
        const string consonants = "bcdfghjklmnpqrstvwxz";
        return new string([.. Enumerable.Range(0, 10).Select(_ => consonants[Random.Shared.Next(consonants.Length)])]);
    }

    /// <summary>A small, real one-page PDF whose text is <paramref name="text"/> (ASCII), its cross-reference table exact.</summary>
    private static byte[] SmallPdf(string text)
    {
        var content = $"BT /F1 16 Tf 72 770 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
