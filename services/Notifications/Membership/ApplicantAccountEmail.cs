using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Notifications.Accounts;
using Nege.Notifications.Email;

namespace Nege.Notifications.Membership;

/// <summary>« Confirmez votre adresse et choisissez votre mot de passe » to a person who began a membership application.</summary>
public sealed class ApplicantAccountEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<ApplicantAccountEmail> logger)
    : EmailConsumer<ApplicantAccountOpened>(db, email, clock, logger)
{
    public const string TemplateName = "membership-applicant-account";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(ApplicantAccountOpened message) => ComposeFor(message);

    public static EmailMessage ComposeFor(ApplicantAccountOpened opened) =>
        AccountEmailTexts.Build(opened.Email, "Votre demande d'adhésion : choisissez votre mot de passe — Numéric'Emploi Grand Est", opened.SetPasswordLink,
        [
            $"Bonjour {opened.FirstName} {opened.LastName},",
            "Vous avez commencé une demande d'adhésion à Numéric'Emploi Grand Est, et un compte a été ouvert à votre nom sur l'extranet de l'association.",
            "Pour confirmer votre adresse de courriel et choisir votre mot de passe, ouvrez ce lien :",
            opened.SetPasswordLink.AbsoluteUri,
            $"Ce lien ne sert qu'une fois et expire le {FrenchDates.Format(opened.ExpiresAt)}.",
            "Une fois votre mot de passe choisi, vous pourrez vous connecter à l'extranet pour reprendre votre demande là où vous l'avez laissée, la compléter et la déposer.",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel.",
        ]);
}
