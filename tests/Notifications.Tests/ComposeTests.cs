using Nege.Contracts.Membership;
using Nege.Notifications.Membership;

namespace Notifications.Tests;

/// <summary>The acknowledgement's content, composed without any infrastructure.</summary>
public sealed class ComposeTests
{
    private static readonly MembershipApplicationSubmitted Submitted = new(
        Guid.Parse("3f2b8c1e-0a4d-4e8b-9c71-5d2e6f7a8b90"),
        "Numérique & Co",
        "rh@exemple.fr",
        new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public void It_goes_to_the_contact_with_the_French_subject()
    {
        var email = ApplicationSubmittedAcknowledgement.ComposeFor(Submitted);

        Assert.Equal("rh@exemple.fr", email.To);
        Assert.Equal("Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue", email.Subject);
    }

    [Fact]
    public void The_text_names_the_organisation_the_Paris_date_and_the_reference()
    {
        var email = ApplicationSubmittedAcknowledgement.ComposeFor(Submitted);

        Assert.StartsWith("Bonjour,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("de l'organisme « Numérique & Co », déposée le 14 juillet 2026 à 10h30.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Référence de votre demande : 3f2b8c1e-0a4d-4e8b-9c71-5d2e6f7a8b90", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("quinze jours", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_encodes_the_organisation_name_and_carries_the_same_facts()
    {
        var email = ApplicationSubmittedAcknowledgement.ComposeFor(Submitted with { OrganisationName = "<i>Dupont</i> & \"Fils\"" });

        Assert.Contains("« &lt;i&gt;Dupont&lt;/i&gt; &amp; &quot;Fils&quot; »", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("déposée le 14 juillet 2026 à 10h30", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("3f2b8c1e-0a4d-4e8b-9c71-5d2e6f7a8b90", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("« <i>Dupont</i> & \"Fils\" »", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_event_always_composes_the_same_email()
    {
        Assert.Equal(ApplicationSubmittedAcknowledgement.ComposeFor(Submitted), ApplicationSubmittedAcknowledgement.ComposeFor(Submitted));
    }
}
