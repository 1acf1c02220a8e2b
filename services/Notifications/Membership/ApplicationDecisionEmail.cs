using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Notifications.Email;

namespace Nege.Notifications.Membership;

/// <summary>The president's letter to the applicant with the board's decision: a welcome, or the refusal and its reason.</summary>
public sealed class ApplicationDecisionEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<ApplicationDecisionEmail> logger)
    : EmailConsumer<MembershipApplicationDecided>(db, email, clock, logger)
{
    public const string TemplateName = "membership-application-decision";

    public const string AcceptedSubject = "Bienvenue à Numéric'Emploi Grand Est : votre demande d'adhésion est acceptée";

    public const string RefusedSubject = "Décision sur votre demande d'adhésion à Numéric'Emploi Grand Est";

    private const string Signature = "Le Président de Numéric'Emploi Grand Est";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(MembershipApplicationDecided message) => ComposeFor(message);

    public static EmailMessage ComposeFor(MembershipApplicationDecided decided) =>
        decided.Accepted ? Accepted(decided) : Refused(decided);

    private static EmailMessage Accepted(MembershipApplicationDecided decided)
    {
        var extranet = decided.ExtranetLink is { } link ? $" ({link.AbsoluteUri})" : "";
        string[] paragraphs =
        [
            $"Bonjour {decided.ContactName},",
            $"J'ai le plaisir de vous annoncer que le Conseil d'Administration de Numéric'Emploi Grand Est, réuni le {FrenchDates.Format(decided.BoardMeetingDate)}, " +
            $"a accepté la demande d'adhésion de l'organisme « {decided.OrganisationName} ».",
            "Bienvenue dans l'association !",
            $"Vous pouvez dès maintenant vous connecter à l'extranet{extranet} avec votre compte, " +
            "pour compléter la fiche de votre organisme et ouvrir un accès à vos collègues.",
            "Bien cordialement,",
            Signature,
        ];
        return EmailBodies.Build(decided.ContactEmail, AcceptedSubject, paragraphs, decided.ExtranetLink);
    }

    private static EmailMessage Refused(MembershipApplicationDecided decided)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {decided.ContactName},",
            $"Le Conseil d'Administration de Numéric'Emploi Grand Est, réuni le {FrenchDates.Format(decided.BoardMeetingDate)}, " +
            $"a examiné la demande d'adhésion de l'organisme « {decided.OrganisationName} ». J'ai le regret de vous informer qu'il n'a pas pu y donner une suite favorable.",
        };
        if (!string.IsNullOrWhiteSpace(decided.Reason))
        {
            paragraphs.Add($"Motif de la décision :\n{decided.Reason}");
        }

        paragraphs.Add("Si la situation de votre organisme évolue, vous pourrez déposer une nouvelle demande d'adhésion.");
        paragraphs.Add("Bien cordialement,");
        paragraphs.Add(Signature);
        return EmailBodies.Build(decided.ContactEmail, RefusedSubject, paragraphs);
    }
}
