using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Accounts;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>Membership's account events on the broker → French e-mails with their one-time link, in the SMTP sink.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class AccountEmailsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Expiry = new(2026, 12, 1, 16, 45, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string> Events => new()
    {
        { "confirmation", "Confirmez votre adresse de courriel — Numéric'Emploi Grand Est", "Pour confirmer votre adresse de courriel, ouvrez ce lien", "account-email-confirmation" },
        { "reset", "Réinitialisation de votre mot de passe — Numéric'Emploi Grand Est", "Si vous n'avez rien demandé, ignorez ce courriel", "account-password-reset" },
        { "invitation", "Votre accès à l'extranet de Numéric'Emploi Grand Est", "par Ada Lovelace, avec le rôle : Trésorier, Recruteur.", "account-invitation" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Each_account_event_sends_its_French_email_with_a_working_link_and_records_it(string kind, string subject, string sentence, string template)
    {
        var email = $"{kind}-{Guid.NewGuid():N}@exemple.fr";
        var link = new Uri($"http://localhost:8080/compte/page?jeton={Guid.NewGuid():N}");
        var messageId = Guid.NewGuid();
        var accountId = Guid.NewGuid();

        await (kind switch
        {
            "confirmation" => service.PublishAsync(new AccountEmailConfirmationRequested(accountId, email, "Léa", "Müller", link, Expiry), messageId),
            "reset" => service.PublishAsync(new PasswordResetRequested(accountId, email, "Léa", "Müller", link, Expiry), messageId),
            _ => service.PublishAsync(new AccountInvited(accountId, email, "Léa", "Müller", "Ada Lovelace", ["treasurer", "recruiter"], link, Expiry), messageId),
        });

        var sent = await service.SmtpSink.Sink.WaitForRecipientAsync(email, Timeout);
        Assert.Equal(subject, sent.Subject);
        Assert.StartsWith("Bonjour Léa Müller,", sent.Text, StringComparison.Ordinal);
        Assert.Contains(sentence, sent.Text, StringComparison.Ordinal);
        Assert.Contains(link.AbsoluteUri, sent.Text, StringComparison.Ordinal);
        Assert.Contains("expire le 1er décembre 2026 à 17h45", sent.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link.AbsoluteUri}\">", WebUtility.HtmlDecode(sent.Html), StringComparison.Ordinal);

        var delivery = await Eventually.ValueAsync(
            () => service.QueryAsync(db => db.EmailDeliveries.SingleOrDefaultAsync(d => d.CausationMessageId == messageId)),
            Timeout,
            "the delivery row");
        Assert.Equal(template, delivery.Template);
        Assert.Equal(email, delivery.Recipient);
    }
}
