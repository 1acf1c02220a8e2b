using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Billing;

namespace Notifications.Tests;

/// <summary>The renewal's request to confirm the headcounts, composed without any infrastructure.</summary>
public sealed class PerimeterConfirmationEmailComposeTests
{
    private static readonly PerimeterConfirmationRequested Requested = new(
        Guid.NewGuid(), "Alsace Numérique", new PersonReference(Guid.NewGuid(), "Léa Müller", "lea.muller@exemple.fr"), 2028, new DateOnly(2028, 3, 15),
        new MembershipPerimeter(0, 1_250, 2), 9_650, IsReminder: false, new DateTimeOffset(2028, 2, 14, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_territory_says_its_headcount_in_the_singular_or_plural_and_a_territory_at_zero_is_not_covered()
    {
        var email = PerimeterConfirmationEmail.ComposeFor(Requested);

        Assert.Equal("lea.muller@exemple.fr", email.To);
        Assert.Equal("Renouvellement de l'adhésion 2028 : confirmez vos effectifs", email.Subject);
        Assert.Contains("l'appel de cotisation 2028 sera émis le 15 mars 2028", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Alsace : 0 salarié (territoire non couvert)\nChampagne-Ardenne : 1 250 salariés\nLorraine : 2 salariés\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("la cotisation 2028 s'élèverait à 96,50 €.", email.TextBody, StringComparison.Ordinal);
        Assert.Empty(email.Attachments);
    }

    [Fact]
    public void Without_an_extranet_link_the_email_still_says_where_to_confirm_without_a_link()
    {
        var email = PerimeterConfirmationEmail.ComposeFor(Requested);

        Assert.Contains("Confirmez ou mettez à jour ces effectifs dans l'extranet de l'association.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_estimate_no_amount_is_given()
    {
        var email = PerimeterConfirmationEmail.ComposeFor(Requested with { EstimatedCents = 0 });

        Assert.DoesNotContain("s'élèverait", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("€", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reminder_says_so_in_its_subject()
    {
        var email = PerimeterConfirmationEmail.ComposeFor(Requested with { IsReminder = true });

        Assert.Equal("Rappel – renouvellement de l'adhésion 2028 : confirmez vos effectifs", email.Subject);
        Assert.StartsWith("Bonjour Léa Müller,\n\nSauf erreur de notre part, les effectifs du périmètre d'adhésion de l'organisme « Alsace Numérique » n'ont pas encore été confirmés.",
            email.TextBody, StringComparison.Ordinal);
    }
}
