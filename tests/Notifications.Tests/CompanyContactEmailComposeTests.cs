using Nege.Contracts.Directory;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Directory;

namespace Notifications.Tests;

/// <summary>The directory contact e-mails' content, composed without any infrastructure.</summary>
public sealed class CompanyContactEmailComposeTests
{
    private static CompanyContactRequested Contact(string subject) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Alsace Numérique", "Paul Durand", "rh@alsace-numerique.fr",
        "Léa Müller", "lea.muller@exemple.fr", subject, "Bonjour,\nvoici ma candidature.", Cv: null,
        new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_subject_too_long_for_the_delivery_log_is_shortened_and_the_reply_goes_to_the_sender()
    {
        var contact = Contact(new string('a', 400));

        var (email, acknowledgement) = CompanyContactEmail.ComposeFor(contact, cv: null) switch
        {
            [var first, var second] => (first, second),
            var other => throw new InvalidOperationException($"{other.Count} e-mails"),
        };

        Assert.Equal(EmailDelivery.SubjectMaxLength, email.Subject.Length);
        Assert.StartsWith("Message d'un candidat via l'annuaire : aaa", email.Subject, StringComparison.Ordinal);
        Assert.EndsWith("a…", email.Subject, StringComparison.Ordinal);
        Assert.Equal(("rh@alsace-numerique.fr", "Paul Durand"), (email.To, email.ToName));
        Assert.Equal(new("lea.muller@exemple.fr", "Léa Müller"), email.ReplyTo);
        Assert.Empty(email.Attachments);

        Assert.Equal(("lea.muller@exemple.fr", "Léa Müller"), (acknowledgement.To, acknowledgement.ToName));
        Assert.Equal("Votre message à Alsace Numérique a été transmis", acknowledgement.Subject);
        Assert.Null(acknowledgement.ReplyTo);
        Assert.DoesNotContain("rh@alsace-numerique.fr", acknowledgement.TextBody + acknowledgement.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Paul Durand", acknowledgement.TextBody + acknowledgement.HtmlBody, StringComparison.Ordinal);
    }
}
