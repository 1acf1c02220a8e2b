using System.Net;
using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Membership;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Membership;
using Nege.Testing;

namespace Notifications.Tests;

/// <summary>
/// The membership journey's events on the broker → the president's notice, the applicant's copy,
/// the applicant's account e-mail and the president's decision, in the SMTP sink.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class MembershipEmailsTests(NotificationsService service)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_submitted_application_is_announced_to_the_configured_president_with_its_facts_and_a_clickable_link()
    {
        var submitted = Submitted($"<script>alert(1)</script> Dupont & Fils {Guid.NewGuid():N}");
        var messageId = Guid.NewGuid();

        await service.PublishAsync(submitted, messageId);

        var subject = $"Nouvelle demande d'adhésion : {submitted.OrganisationName}";
        var email = await service.SmtpSink.Sink.WaitForAsync(e => e.Subject == subject, Timeout, "the president's e-mail");
        var to = Assert.Single(email.To);
        Assert.Equal(NotificationsService.PresidentEmail, to.Address);
        Assert.Equal("Président de Numéric'Emploi Grand Est", to.Name);
        Assert.NotNull(email.Text);
        Assert.Contains($"Organisme : {submitted.OrganisationName}\nCatégorie : Entreprise\n", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Référent : Marie Curie\nCourriel du référent : {submitted.ContactEmail}\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Déposée le : 14 juillet 2026 à 10h30", email.Text, StringComparison.Ordinal);
        Assert.Contains("Elle est à traiter avant le 29 juillet 2026", email.Text, StringComparison.Ordinal);
        Assert.NotNull(email.Html);
        Assert.Contains($"<a href=\"{submitted.ExtranetLink!.AbsoluteUri}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Dupont &amp; Fils", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);

        var delivery = await DeliveryAsync(messageId, ApplicationSubmittedToPresident.TemplateName);
        Assert.Equal(NotificationsService.PresidentEmail, delivery.Recipient);
        Assert.Equal(subject, delivery.Subject);
    }

    [Fact]
    public async Task The_applicant_receives_the_acknowledgement_and_the_copy_of_every_section_encoded_in_HTML()
    {
        var submitted = Submitted($"Numérique Solidaire {Guid.NewGuid():N}");

        await service.PublishAsync(submitted, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(submitted.ContactEmail, Timeout);
        Assert.Equal("Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains("déposée le 14 juillet 2026 à 10h30", email.Text, StringComparison.Ordinal);
        Assert.Contains("Référent de l'organisme\nCivilité : Madame\nNom : Curie\nPrénom : Marie\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Organisme\nNom : <script>alert(\"copie\")</script>\nPrésentation : Nous formons.\nNous recrutons.\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Périmètre d'adhésion\nAlsace : 12\nChampagne-Ardenne : 0\nLorraine : 3\n", email.Text, StringComparison.Ordinal);
        Assert.NotNull(email.Html);
        Assert.Contains("<h2>Organisme</h2>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(&quot;copie&quot;)&lt;/script&gt;</td>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td>Nous formons.<br>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(email.Html);
        Assert.Contains("<h2>Périmètre d'adhésion</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Lorraine</th><td>3</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicants_new_account_gets_the_link_to_choose_a_password_expiring_in_Paris_time()
    {
        var opened = new ApplicantAccountOpened(
            Guid.NewGuid(), Guid.NewGuid(), $"demandeur-{Guid.NewGuid():N}@exemple.fr", "Léa", "Müller",
            new Uri($"http://localhost:8080/compte/mot-de-passe?jeton={Guid.NewGuid():N}&compte=1"),
            new DateTimeOffset(2026, 12, 1, 16, 45, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();

        await service.PublishAsync(opened, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(opened.Email, Timeout);
        Assert.Equal("Votre demande d'adhésion : choisissez votre mot de passe — Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Léa Müller,", email.Text, StringComparison.Ordinal);
        Assert.Contains("Vous avez commencé une demande d'adhésion", email.Text, StringComparison.Ordinal);
        Assert.Contains(opened.SetPasswordLink.AbsoluteUri, email.Text, StringComparison.Ordinal);
        Assert.Contains("expire le 1er décembre 2026 à 17h45", email.Text, StringComparison.Ordinal);
        Assert.Contains("reprendre votre demande", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{opened.SetPasswordLink.AbsoluteUri}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);

        var delivery = await DeliveryAsync(messageId, ApplicantAccountEmail.TemplateName);
        Assert.Equal(opened.Email, delivery.Recipient);
    }

    [Fact]
    public async Task An_accepted_application_gets_the_presidents_welcome_with_the_meeting_day_and_the_extranet_link()
    {
        var decided = Decided(accepted: true, reason: null);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(decided, messageId);

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(decided.ContactEmail, Timeout);
        Assert.Equal("Bienvenue à Numéric'Emploi Grand Est : votre demande d'adhésion est acceptée", email.Subject);
        Assert.NotNull(email.Text);
        Assert.StartsWith("Bonjour Marie Curie,", email.Text, StringComparison.Ordinal);
        Assert.Contains($"réuni le 20 novembre 2026, a accepté la demande d'adhésion de l'organisme « {decided.OrganisationName} »", email.Text, StringComparison.Ordinal);
        Assert.Contains("la fiche de votre organisme", email.Text, StringComparison.Ordinal);
        Assert.Contains("Le Président de Numéric'Emploi Grand Est", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{decided.ExtranetLink!.AbsoluteUri}\">", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);

        var delivery = await DeliveryAsync(messageId, ApplicationDecisionEmail.TemplateName);
        Assert.Equal(decided.ContactEmail, delivery.Recipient);
        Assert.Equal(email.Subject, delivery.Subject);
    }

    [Fact]
    public async Task A_refused_application_gets_the_meeting_day_and_the_reason_encoded_in_HTML()
    {
        var decided = Decided(accepted: false, reason: "Activité <hors champ> & sans lien avec le numérique.");

        await service.PublishAsync(decided, Guid.NewGuid());

        var email = await service.SmtpSink.Sink.WaitForRecipientAsync(decided.ContactEmail, Timeout);
        Assert.Equal("Décision sur votre demande d'adhésion à Numéric'Emploi Grand Est", email.Subject);
        Assert.NotNull(email.Text);
        Assert.Contains("réuni le 20 novembre 2026, a examiné la demande d'adhésion", email.Text, StringComparison.Ordinal);
        Assert.Contains("Motif de la décision :\nActivité <hors champ> & sans lien avec le numérique.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bienvenue", email.Text, StringComparison.Ordinal);
        Assert.Contains("Le Président de Numéric'Emploi Grand Est", email.Text, StringComparison.Ordinal);
        Assert.Contains("Activité &lt;hors champ&gt; &amp; sans lien", email.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string> RedeliveredEvents => ["account", "decision"];

    [Theory]
    [MemberData(nameof(RedeliveredEvents))]
    public async Task The_same_message_delivered_twice_sends_one_email(string kind)
    {
        var recipient = $"{kind}-doublon-{Guid.NewGuid():N}@exemple.fr";
        var messageId = Guid.NewGuid();
        await PublishAsync(kind, recipient, messageId);
        await service.SmtpSink.Sink.WaitForRecipientAsync(recipient, Timeout);
        await service.WaitUntilConsumedAsync(messageId, times: 1);

        await PublishAsync(kind, recipient, messageId);
        await service.WaitUntilConsumedAsync(messageId, times: 2);

        // Once a message published after the duplicate has its e-mail in the sink, so would the duplicate.
        var later = $"{kind}-suivant-{Guid.NewGuid():N}@exemple.fr";
        await PublishAsync(kind, later, Guid.NewGuid());
        await service.SmtpSink.Sink.WaitForRecipientAsync(later, Timeout);

        var emails = await service.SmtpSink.Sink.GetAllAsync();
        Assert.Single(emails, e => e.To.Any(to => string.Equals(to.Address, recipient, StringComparison.OrdinalIgnoreCase)));
        Assert.Single(await service.QueryAsync(db => db.EmailDeliveries.Where(d => d.CausationMessageId == messageId).ToListAsync()));
    }

    private Task PublishAsync(string kind, string recipient, Guid messageId) => kind == "account"
        ? service.PublishAsync(
            new ApplicantAccountOpened(Guid.NewGuid(), Guid.NewGuid(), recipient, "Léa", "Müller", new Uri("http://localhost:8080/compte/mot-de-passe?jeton=x"), DateTimeOffset.UtcNow.AddDays(2)),
            messageId)
        : service.PublishAsync(Decided(accepted: true, reason: null) with { ContactEmail = recipient }, messageId);

    private Task<EmailDelivery> DeliveryAsync(Guid messageId, string template) =>
        Eventually.ValueAsync(
            () => service.QueryAsync(db => db.EmailDeliveries.SingleOrDefaultAsync(d => d.CausationMessageId == messageId && d.Template == template)),
            Timeout,
            $"the delivery row of {template}");

    private static MembershipApplicationSubmitted Submitted(string organisationName)
    {
        var applicationId = Guid.NewGuid();
        return new MembershipApplicationSubmitted(
            applicationId, organisationName, $"referent-{Guid.NewGuid():N}@exemple.fr", new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero))
        {
            ContactName = "Marie Curie",
            Category = "Entreprise",
            DecisionDueOn = new DateOnly(2026, 7, 29),
            ExtranetLink = new Uri($"http://localhost:8080/extranet/adhesions/{applicationId}?onglet=demande&vue=1"),
            Contents =
            [
                new("Référent de l'organisme", [new("Civilité", "Madame"), new("Nom", "Curie"), new("Prénom", "Marie")]),
                new("Organisme", [new("Nom", "<script>alert(\"copie\")</script>"), new("Présentation", "Nous formons.\nNous recrutons.")]),
                new("Périmètre d'adhésion", [new("Alsace", "12"), new("Champagne-Ardenne", "0"), new("Lorraine", "3")]),
            ],
        };
    }

    private static MembershipApplicationDecided Decided(bool accepted, string? reason) =>
        new(Guid.NewGuid(), $"Numérique & Co {Guid.NewGuid():N}", $"referent-{Guid.NewGuid():N}@exemple.fr", "Marie Curie", accepted,
            new DateOnly(2026, 11, 20), reason, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))
        {
            ExtranetLink = new Uri("http://localhost:8080/extranet"),
        };
}
