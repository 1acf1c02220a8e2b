using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Billing;

namespace Notifications.Tests;

/// <summary>The fee call e-mail's content, composed without any infrastructure.</summary>
public sealed class FeeCallEmailComposeTests
{
    private static readonly FeeCallIssued Issued = new(
        Guid.NewGuid(), "2027-0042", 2027, Guid.NewGuid(), "Alsace Numérique",
        new PersonReference(Guid.NewGuid(), "Léa Müller", "lea.muller@exemple.fr"),
        9_650, new DateOnly(2027, 2, 28),
        new Document("appel-2027-0042.pdf", "application/pdf", "%PDF-1.7\n"u8.ToArray()),
        new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Without_an_extranet_link_the_email_says_nothing_of_it_and_still_carries_the_PDF()
    {
        var email = FeeCallIssuedEmail.ComposeFor(Issued);

        Assert.Equal("lea.muller@exemple.fr", email.To);
        Assert.Equal("Appel de cotisation 2027-0042 – Numéric'Emploi Grand Est", email.Subject);
        Assert.Contains("pour l'année 2027 : 96,50 €, à régler au plus tard le 28 février 2027.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("extranet", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", email.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal(("appel-2027-0042.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Same(Issued.Pdf.Content, attachment.Content);
    }
}
