using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.Notifications.Email;

namespace Nege.Notifications.Billing;

/// <summary>A member did not pay after the last reminder: the referent learns what the suspension means and how to end it.</summary>
public sealed class MembershipLapsedEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<MembershipLapsedEmail> logger)
    : EmailConsumer<MembershipLapsed>(db, email, clock, logger)
{
    public const string TemplateName = "membership-lapsed";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(MembershipLapsed message) => ComposeFor(message);

    public static EmailMessage ComposeFor(MembershipLapsed lapsed) =>
        EmailBodies.Build(lapsed.Referent.Email, "Adhésion suspendue – Numéric'Emploi Grand Est",
        [
            $"Bonjour {lapsed.Referent.Name},",
            $"Faute de paiement de l'appel de cotisation {lapsed.FeeCallNumber} ({Money.Format(lapsed.OutstandingCents)} restant dus), " +
            $"l'adhésion de l'organisme « {lapsed.OrganisationName} » à Numéric'Emploi Grand Est est suspendue.",
            "Jusqu'au paiement, les recruteurs de l'organisme n'ont plus accès au vivier des candidats et l'organisme n'apparaît plus dans l'annuaire des entreprises.",
            $"Pour régulariser la situation, réglez l'appel de cotisation {lapsed.FeeCallNumber} par l'un des moyens de paiement qui y sont indiqués ; " +
            "pour toute question, adressez-vous au trésorier de l'association. L'adhésion sera rétablie dès l'enregistrement du paiement.",
            "Bien cordialement,",
            "Numéric'Emploi Grand Est",
        ]);
}

/// <summary>A lapsed member is current again: the referent learns that its recruiters and its place in the directory are back.</summary>
public sealed class MembershipReinstatedEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<MembershipReinstatedEmail> logger)
    : EmailConsumer<MembershipReinstated>(db, email, clock, logger)
{
    public const string TemplateName = "membership-reinstated";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(MembershipReinstated message) => ComposeFor(message);

    public static EmailMessage ComposeFor(MembershipReinstated reinstated) =>
        EmailBodies.Build(reinstated.Referent.Email, "Adhésion rétablie – Numéric'Emploi Grand Est",
        [
            $"Bonjour {reinstated.Referent.Name},",
            $"L'appel de cotisation {reinstated.FeeCallNumber} est soldé (réglé, ou annulé par un avoir) : " +
            $"l'adhésion de l'organisme « {reinstated.OrganisationName} » à Numéric'Emploi Grand Est est de nouveau à jour.",
            "Les recruteurs de l'organisme ont de nouveau accès au vivier des candidats et l'organisme apparaît de nouveau dans l'annuaire des entreprises.",
            "Merci pour votre soutien à l'association.",
            "Bien cordialement,",
            "Numéric'Emploi Grand Est",
        ]);
}
