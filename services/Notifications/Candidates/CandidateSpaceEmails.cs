using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>An e-mail to each of the people following a dossier (pilots, partners' advisers), one per address.</summary>
internal static class Followers
{
    public static IReadOnlyList<EmailMessage> EachOf(IEnumerable<Recipient> people, Func<Recipient, EmailMessage> compose) =>
        [.. people.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Select(compose)];

    public static IReadOnlyList<string> WithLink(IEnumerable<string> paragraphs, Uri? link, string linkText) =>
        link is null ? [.. paragraphs, "Numéric'Emploi Grand Est"] : [.. paragraphs, $"{linkText} : {link.AbsoluteUri}", "Numéric'Emploi Grand Est"];
}

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
