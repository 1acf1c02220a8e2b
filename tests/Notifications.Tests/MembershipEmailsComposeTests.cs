using Nege.Contracts.Membership;
using Nege.Notifications.Membership;

namespace Notifications.Tests;

/// <summary>The membership journey's e-mails, composed without any infrastructure.</summary>
public sealed class MembershipEmailsComposeTests
{
    private static readonly PresidentOptions President = new() { Email = "presidence@exemple.fr", Name = "Président de Numéric'Emploi Grand Est" };
    private static readonly Uri ApplicationLink = new("https://extranet.exemple.fr/adhesions/demandes/3f2b8c1e");

    private static readonly MembershipApplicationSubmitted Submitted = new(
        Guid.Parse("3f2b8c1e-0a4d-4e8b-9c71-5d2e6f7a8b90"),
        "Numérique & Co",
        "marie.curie@exemple.fr",
        new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero))
    {
        ContactName = "Marie Curie",
        Category = "Entreprise",
        DecisionDueOn = new DateOnly(2026, 7, 29),
        ExtranetLink = ApplicationLink,
        Contents =
        [
            new("Référent de l'organisme", [new("Civilité", "Madame"), new("Nom", "Curie")]),
            new("Périmètre d'adhésion", [new("Alsace", "12")]),
        ],
    };

    private static readonly MembershipApplicationDecided Decided = new(
        Guid.NewGuid(), "Numérique & Co", "marie.curie@exemple.fr", "Marie Curie", Accepted: true, new DateOnly(2026, 11, 20), null,
        new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))
    {
        ExtranetLink = new Uri("https://extranet.exemple.fr/"),
    };

    [Fact]
    public void The_president_is_told_who_applied_when_by_when_to_decide_and_where()
    {
        var email = ApplicationSubmittedToPresident.ComposeFor(Submitted, President);

        Assert.Equal("presidence@exemple.fr", email.To);
        Assert.Equal("Président de Numéric'Emploi Grand Est", email.ToName);
        Assert.Equal("Nouvelle demande d'adhésion : Numérique & Co", email.Subject);
        Assert.Contains(
            "Organisme : Numérique & Co\nCatégorie : Entreprise\nRéférent : Marie Curie\nCourriel du référent : marie.curie@exemple.fr\nDéposée le : 14 juillet 2026 à 10h30",
            email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Elle est à traiter avant le 29 juillet 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ApplicationLink.AbsoluteUri, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Référence de la demande : 3f2b8c1e-0a4d-4e8b-9c71-5d2e6f7a8b90", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ApplicationLink.AbsoluteUri}\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Organisme : Numérique &amp; Co<br>\nCatégorie : Entreprise<br>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_event_without_name_category_due_day_or_link_still_reads_well()
    {
        // 22h30 UTC on 14 July is already 15 July in Paris: due 15 days after that.
        var older = new MembershipApplicationSubmitted(Submitted.ApplicationId, "Ancien Format", "rh@exemple.fr", new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero));

        var email = ApplicationSubmittedToPresident.ComposeFor(older, President);

        Assert.Contains("Catégorie : non précisée\nCourriel du référent : rh@exemple.fr\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Référent :", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Elle est à traiter avant le 30 juillet 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous la trouverez dans l'extranet, parmi les demandes d'adhésion à traiter.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_name_the_presidents_mailbox_is_the_bare_address()
    {
        var email = ApplicationSubmittedToPresident.ComposeFor(Submitted, new PresidentOptions { Email = "presidence@exemple.fr", Name = " " });

        Assert.Null(email.ToName);
    }

    [Fact]
    public void The_applicant_gets_the_acknowledgement_then_the_copy_of_the_application()
    {
        var email = ApplicationSubmittedAcknowledgement.ComposeFor(Submitted);

        Assert.Equal("marie.curie@exemple.fr", email.To);
        Assert.Equal("Votre demande d'adhésion à Numéric'Emploi Grand Est a bien été reçue", email.Subject);
        Assert.StartsWith("Bonjour Marie Curie,\n\nNous avons bien reçu la demande d'adhésion de l'organisme « Numérique & Co », déposée le 14 juillet 2026 à 10h30.", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith(
            """
            Vous trouverez ci-dessous une copie de votre demande, telle que vous l'avez remplie.

            Numéric'Emploi Grand Est

            Référent de l'organisme
            Civilité : Madame
            Nom : Curie

            Périmètre d'adhésion
            Alsace : 12

            """.ReplaceLineEndings("\n"),
            email.TextBody);
        Assert.Contains("<h2>Référent de l&#x27;organisme</h2>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Alsace</th><td>12</td>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledgement_without_contents_announces_no_copy()
    {
        var email = ApplicationSubmittedAcknowledgement.ComposeFor(Submitted with { Contents = [] });

        Assert.DoesNotContain("copie", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>", email.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("\n\nNuméric'Emploi Grand Est\n", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_applicants_account_email_leads_to_choosing_a_password_then_the_draft()
    {
        var link = new Uri("https://extranet.exemple.fr/compte/mot-de-passe?jeton=abc");
        var opened = new ApplicantAccountOpened(Guid.NewGuid(), Guid.NewGuid(), "marie.curie@exemple.fr", "Marie", "Curie", link,
            new DateTimeOffset(2026, 1, 31, 23, 15, 0, TimeSpan.Zero));

        var email = ApplicantAccountEmail.ComposeFor(opened);

        Assert.Equal("marie.curie@exemple.fr", email.To);
        Assert.Equal("Votre demande d'adhésion : choisissez votre mot de passe — Numéric'Emploi Grand Est", email.Subject);
        Assert.StartsWith("Bonjour Marie Curie,\n\nVous avez commencé une demande d'adhésion", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("confirmer votre adresse de courriel et choisir votre mot de passe", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("expire le 1er février 2026 à 00h15.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("reprendre votre demande", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://extranet.exemple.fr/compte/mot-de-passe?jeton=abc\">", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_application_gets_the_presidents_welcome_with_the_board_meeting_day_and_the_extranet()
    {
        var email = ApplicationDecisionEmail.ComposeFor(Decided);

        Assert.Equal("marie.curie@exemple.fr", email.To);
        Assert.Equal("Bienvenue à Numéric'Emploi Grand Est : votre demande d'adhésion est acceptée", email.Subject);
        Assert.StartsWith("Bonjour Marie Curie,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("réuni le 20 novembre 2026, a accepté la demande d'adhésion de l'organisme « Numérique & Co ».", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("vous connecter à l'extranet (https://extranet.exemple.fr/) avec votre compte", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("la fiche de votre organisme", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("vos collègues", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("\n\nLe Président de Numéric'Emploi Grand Est\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://extranet.exemple.fr/\">", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_extranet_link_the_welcome_names_the_extranet_without_one()
    {
        var email = ApplicationDecisionEmail.ComposeFor(Decided with { ExtranetLink = null });

        Assert.Contains("vous connecter à l'extranet avec votre compte", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_application_gets_the_board_meeting_day_and_the_reason_encoded_in_HTML()
    {
        var refused = Decided with { Accepted = false, Reason = "Activité hors du champ <numérique>.\nVoir l'article 3 des statuts." };

        var email = ApplicationDecisionEmail.ComposeFor(refused);

        Assert.Equal("Décision sur votre demande d'adhésion à Numéric'Emploi Grand Est", email.Subject);
        Assert.Contains("réuni le 20 novembre 2026, a examiné la demande d'adhésion de l'organisme « Numérique & Co ».", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motif de la décision :\nActivité hors du champ <numérique>.\nVoir l'article 3 des statuts.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bienvenue", email.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("\n\nLe Président de Numéric'Emploi Grand Est\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motif de la décision :<br>\nActivité hors du champ &lt;numérique&gt;.<br>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<numérique>", email.HtmlBody, StringComparison.Ordinal);
    }
}
