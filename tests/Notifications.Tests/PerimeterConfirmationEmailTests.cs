using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Billing;
using Nege.Notifications.Deliveries;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// <see cref="PerimeterConfirmationRequested"/> on the broker → the referent's e-mail in the SMTP sink: the renewal's date,
/// the headcounts held territory by territory, the fee they give and the extranet's page to confirm them; then the reminder.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class PerimeterConfirmationEmailTests(NotificationsService service)
{
    private const string Extranet = "http://localhost:8080/extranet/perimetre";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_month_before_the_renewal_the_referent_is_asked_to_confirm_the_headcounts_with_the_fee_they_give()
    {
        var request = Request($"referent-perimetre-{Guid.NewGuid():N}@exemple.fr", isReminder: false);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(request, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(request.Referent.Email, Timeout);
        Assert.Equal(request.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Renouvellement de l'adhésion 2028 : confirmez vos effectifs", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "L'adhésion de l'organisme « Numérique & Co » à Numéric'Emploi Grand Est arrive à son renouvellement : " +
            "l'appel de cotisation 2028 sera émis le 1er février 2028, d'après les effectifs de son périmètre d'adhésion.", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Les effectifs actuellement retenus sont les suivants :\nAlsace : 12 salariés\nChampagne-Ardenne : 1 salarié\nLorraine : 0 salarié (territoire non couvert)",
            email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Avec ces effectifs, la cotisation 2028 s'élèverait à 1 152 €.", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Confirmez ou mettez à jour ces effectifs dans l'extranet : {Extranet}", email.Text, StringComparison.Ordinal);
        Assert.Contains("Sans réponse de votre part, l'appel de cotisation sera établi avec les effectifs indiqués ci-dessus.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sauf erreur", email.Text, StringComparison.Ordinal);
        Assert.EndsWith("Bien cordialement,\n\nNuméric'Emploi Grand Est\n", email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Extranet}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("Alsace : 12 salariés<br>\nChampagne-Ardenne : 1 salarié<br>", email.Html?.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("« Numérique &amp; Co »", email.Html, StringComparison.Ordinal);
        Assert.Empty(await service.SmtpSink.Sink.ReadAttachmentsAsync(email));

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal((PerimeterConfirmationEmail.TemplateName, DeliveryState.Sent), (delivery.Template, delivery.State));
    }

    [Fact]
    public async Task Fifteen_days_before_the_renewal_the_reminder_says_the_headcounts_are_not_confirmed_yet()
    {
        var reminder = Request($"referent-perimetre-rappel-{Guid.NewGuid():N}@exemple.fr", isReminder: true);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(reminder, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(reminder.Referent.Email, Timeout);
        Assert.Equal(reminder.Referent.Email, Assert.Single(email.To).Address);
        Assert.Equal("Rappel – renouvellement de l'adhésion 2028 : confirmez vos effectifs", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Sauf erreur de notre part, les effectifs du périmètre d'adhésion de l'organisme « Numérique & Co » n'ont pas encore été confirmés. " +
            "L'appel de cotisation 2028 sera émis le 1er février 2028, d'après ces effectifs.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Alsace : 12 salariés\nChampagne-Ardenne : 1 salarié\nLorraine : 0 salarié (territoire non couvert)", email.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Avec ces effectifs, la cotisation 2028 s'élèverait à 1 152 €.", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Confirmez ou mettez à jour ces effectifs dans l'extranet : {Extranet}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Extranet}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);

        var delivery = await service.QueryAsync(db => db.EmailDeliveries.SingleAsync(d => d.CausationMessageId == messageId));
        Assert.Equal((PerimeterConfirmationEmail.TemplateName, DeliveryState.Sent), (delivery.Template, delivery.State));
    }

    private static PerimeterConfirmationRequested Request(string referentEmail, bool isReminder) =>
        new(Guid.NewGuid(), "Numérique & Co", new PersonReference(Guid.NewGuid(), "Marie Curie", referentEmail), 2028, new DateOnly(2028, 2, 1),
            new MembershipPerimeter(12, 1, 0), 115_200, isReminder,
            isReminder ? new DateTimeOffset(2028, 1, 17, 4, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2028, 1, 1, 4, 0, 0, TimeSpan.Zero))
        {
            ExtranetLink = new Uri(Extranet),
        };
}
