using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>The candidate corrected their dossier from their space: the pilots and the partners' advisers learn which sections changed.</summary>
public sealed class DossierRectifiedEmails(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<DossierRectifiedEmails> logger)
    : EmailConsumer<DossierRectified>(db, email, clock, logger)
{
    public const string TemplateName = "dossier-rectified";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierRectified message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(DossierRectified message) =>
        Followers.EachOf(message.Pilots.Concat(message.Advisers), person => EmailBodies.Build(person.Email,
            $"Dossier {message.Number} : {message.CandidateName} a corrigé son dossier",
            Followers.WithLink(
            [
                $"Bonjour {person.Name},",
                $"{message.CandidateName} (dossier {message.Number}) a corrigé son dossier depuis son espace candidat. Sections modifiées : {string.Join(", ", message.Sections)}.",
            ], message.CommissionLink, "Le dossier dans l'extranet de la commission"), message.CommissionLink));
}

/// <summary>The candidate reported a change of situation (seed 004): the pilots and the partners' advisers are told, with what it changed.</summary>
public sealed class CommitmentReportedEmails(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<CommitmentReportedEmails> logger)
    : EmailConsumer<CandidateCommitmentReported>(db, email, clock, logger)
{
    public const string TemplateName = "candidate-commitment";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(CandidateCommitmentReported message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(CandidateCommitmentReported message) =>
        Followers.EachOf(message.Pilots.Concat(message.Advisers), person =>
        {
            var paragraphs = new List<string>
            {
                $"Bonjour {person.Name},",
                $"{message.CandidateName} (dossier {message.Number}) vous informe depuis son espace candidat : « {message.Label} ».",
            };
            if (message.Details is { } details)
            {
                paragraphs.Add($"Ses précisions : {details}");
            }

            if (message.Effect is { } effect)
            {
                paragraphs.Add(effect);
            }

            return EmailBodies.Build(person.Email, $"Dossier {message.Number} : {message.Label}",
                Followers.WithLink(paragraphs, message.CommissionLink, "Le dossier dans l'extranet de la commission"), message.CommissionLink);
        });
}

/// <summary>A candidate made a request (correction, objection, erasure): the territory's pilots must answer it by its due date.</summary>
public sealed class RightsRequestMadeEmails(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<RightsRequestMadeEmails> logger)
    : EmailConsumer<RightsRequestMade>(db, email, clock, logger)
{
    public const string TemplateName = "rights-request-made";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(RightsRequestMade message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(RightsRequestMade message) =>
        Followers.EachOf(message.Pilots, pilot => EmailBodies.Build(pilot.Email,
            $"Demande d'un candidat à traiter avant le {FrenchDates.Format(message.DueOn)} : {message.Label}",
            Followers.WithLink(
            [
                $"Bonjour {pilot.Name},",
                $"{message.CandidateName} (dossier {message.Number}) fait la demande suivante : « {message.Label} ». Son explication :",
                message.Reason,
                $"La réponse lui est due au plus tard le {FrenchDates.Format(message.DueOn)} (un mois, comme le veut le RGPD).",
            ], message.RequestsLink, "Les demandes à traiter"), message.RequestsLink));
}

/// <summary>Seven days before a request's due date, still unanswered: the pilots are reminded.</summary>
public sealed class RightsRequestReminderEmails(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<RightsRequestReminderEmails> logger)
    : EmailConsumer<RightsRequestReminderDue>(db, email, clock, logger)
{
    public const string TemplateName = "rights-request-reminder";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(RightsRequestReminderDue message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(RightsRequestReminderDue message) =>
        Followers.EachOf(message.Pilots, pilot => EmailBodies.Build(pilot.Email,
            $"Rappel : demande de {message.CandidateName} à traiter avant le {FrenchDates.Format(message.DueOn)}",
            Followers.WithLink(
            [
                $"Bonjour {pilot.Name},",
                $"La demande « {message.Label} » de {message.CandidateName} (dossier {message.Number}) attend toujours sa réponse, due au plus tard le {FrenchDates.Format(message.DueOn)}.",
            ], message.RequestsLink, "Les demandes à traiter"), message.RequestsLink));
}

/// <summary>The pilot answered the candidate's request (an accepted erasure is confirmed on <see cref="DossierErased"/>).</summary>
public sealed class RightsRequestAnsweredEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<RightsRequestAnsweredEmail> logger)
    : EmailConsumer<RightsRequestAnswered>(db, email, clock, logger)
{
    public const string TemplateName = "rights-request-answered";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(RightsRequestAnswered message)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {message.CandidateFirstName},",
            message.Accepted
                ? $"Votre demande « {message.Label} » (dossier {message.Number}) est acceptée."
                : $"Votre demande « {message.Label} » (dossier {message.Number}) n'est pas acceptée.",
        };
        if (message.Message is { } said)
        {
            paragraphs.Add($"Le message de la commission : {said}");
        }

        if (!message.Accepted)
        {
            paragraphs.Add("Si vous estimez que vos droits « Informatique et Libertés » ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(message.CandidateEmail, $"Réponse à votre demande : {message.Label}", paragraphs);
    }
}

/// <summary>A person asks the pilots to confirm that a dossier is theirs: the pilots are told who, and where to answer.</summary>
public sealed class AttachmentConfirmationRequestedEmails(
    NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<AttachmentConfirmationRequestedEmails> logger)
    : EmailConsumer<AttachmentConfirmationRequested>(db, email, clock, logger)
{
    public const string TemplateName = "attachment-confirmation-requested";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(AttachmentConfirmationRequested message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(AttachmentConfirmationRequested message) =>
        Followers.EachOf(message.Pilots, pilot =>
        {
            var paragraphs = new List<string>
            {
                $"Bonjour {pilot.Name},",
                $"{message.Requester.Name} ({message.Requester.Email}) demande que le dossier {message.Number} de {message.CandidateName} soit rattaché à son compte, sans pouvoir recevoir le code à l'adresse du dossier.",
            };
            if (message.Message is { } said)
            {
                paragraphs.Add($"Son message : {said}");
            }

            paragraphs.Add("Ne confirmez qu'après avoir vérifié auprès du candidat que ce compte est bien le sien.");
            return EmailBodies.Build(pilot.Email, $"Dossier {message.Number} : demande de rattachement à confirmer",
                Followers.WithLink(paragraphs, message.CommissionLink, "Le dossier dans l'extranet de la commission"), message.CommissionLink);
        });
}

/// <summary>The pilot confirmed (or not) the attachment: the account's holder is told.</summary>
public sealed class AttachmentDecidedEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<AttachmentDecidedEmail> logger)
    : EmailConsumer<AttachmentDecided>(db, email, clock, logger)
{
    public const string TemplateName = "attachment-decided";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(AttachmentDecided message) => EmailBodies.Build(message.Requester.Email,
        message.Confirmed ? $"Votre dossier {message.Number} est rattaché à votre compte" : "Votre demande de rattachement n'est pas confirmée",
        Followers.WithLink(
        [
            $"Bonjour {message.Requester.Name},",
            message.Confirmed
                ? $"Le pilote de la commission a confirmé que le dossier {message.Number} est le vôtre : vous pouvez le consulter, le corriger et l'exporter depuis votre espace candidat."
                : $"Le pilote de la commission n'a pas pu confirmer que le dossier {message.Number} est le vôtre. Contactez la commission ou votre conseiller pour en savoir plus.",
        ], message.SpaceLink, "Votre espace candidat"), message.SpaceLink);
}
