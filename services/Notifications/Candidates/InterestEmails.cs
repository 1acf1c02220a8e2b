using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>
/// A member company is interested in a candidate: the candidate is asked whether they agree to be contacted (their
/// link answers it), and the territory's pilots and the partners' advisers are told.
/// </summary>
public sealed class InterestRecordedEmails(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<InterestRecordedEmails> logger)
    : EmailConsumer<InterestRecorded>(db, email, clock, logger)
{
    public const string TemplateName = "interest-recorded";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(InterestRecorded message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(InterestRecorded message)
    {
        var emails = new List<EmailMessage>();
        if (message.CandidateEmail is { } candidate)
        {
            emails.Add(ForCandidate(message, candidate));
        }

        emails.AddRange(Followers.EachOf(message.Pilots.Concat(message.Advisers), person => ForFollower(message, person)));
        return emails;
    }

    public static EmailMessage ForCandidate(InterestRecorded interest, string to)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {interest.CandidateFirstName},",
            $"L'organisme {interest.OrganisationName}, membre de Numéric'Emploi Grand Est, a vu votre fiche anonyme dans le vivier des candidats et souhaite vous contacter. Son message :",
            interest.Message,
            "Vos coordonnées et votre CV ne lui seront communiqués que si vous l'acceptez. Pour répondre (accepter ou refuser) :",
        };
        if (interest.AnswerLink is { } link)
        {
            paragraphs.Add(link.AbsoluteUri);
        }

        paragraphs.Add("Ce lien est personnel ; il reste valable 30 jours. Vous pouvez aussi répondre à la commission qui suit votre dossier.");
        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(to, $"{interest.OrganisationName} souhaite vous contacter", paragraphs, interest.AnswerLink);
    }

    public static EmailMessage ForFollower(InterestRecorded interest, Recipient person)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {person.Name},",
            $"L'organisme {interest.OrganisationName} s'intéresse à {interest.CandidateName} (dossier {interest.Number}) et lui demande son accord pour le contacter. Son message :",
            interest.Message,
            "Le candidat reçoit un lien pour répondre ; un pilote de la commission peut aussi consigner sa réponse.",
        };
        if (interest.CommissionLink is { } link)
        {
            paragraphs.Add($"Le dossier dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(person.Email, $"Dossier {interest.Number} : {interest.OrganisationName} est intéressé", paragraphs, interest.CommissionLink);
    }
}

/// <summary>The candidate answered a company's interest: its recruiter is told, and where to find the contact details.</summary>
public sealed class InterestAnsweredEmail(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<InterestAnsweredEmail> logger)
    : EmailConsumer<InterestAnswered>(db, email, clock, logger)
{
    public const string TemplateName = "interest-answered";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(InterestAnswered message)
    {
        var paragraphs = new List<string> { $"Bonjour {message.Recruiter.Name}," };
        if (message.Agreed)
        {
            paragraphs.Add($"{message.CandidateFirstName} (dossier {message.Number}) accepte d'être contacté par {message.OrganisationName}. Ses coordonnées et son CV sont dans l'extranet :");
            if (message.InterestLink is { } link)
            {
                paragraphs.Add(link.AbsoluteUri);
            }

            paragraphs.Add("Pensez à tenir à jour la fiche de suivi de ce recrutement : la commission la suit.");
        }
        else
        {
            paragraphs.Add($"{message.CandidateFirstName} (dossier {message.Number}) ne souhaite pas être contacté par {message.OrganisationName} pour le moment. Ses coordonnées ne vous seront pas communiquées.");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        var subject = message.Agreed ? $"{message.CandidateFirstName} accepte votre prise de contact" : $"{message.CandidateFirstName} décline votre prise de contact";
        return EmailBodies.Build(message.Recruiter.Email, subject, paragraphs, message.Agreed ? message.InterestLink : null);
    }
}

/// <summary>A follow-up sheet without news: its recruiter is asked to complete it.</summary>
public sealed class FollowUpReminderEmail(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<FollowUpReminderEmail> logger)
    : EmailConsumer<FollowUpReminderDue>(db, email, clock, logger)
{
    public const string TemplateName = "follow-up-reminder";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(FollowUpReminderDue message)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {message.Recruiter.Name},",
            $"La fiche de suivi du recrutement de {message.CandidateFirstName} (dossier {message.Number}) par {message.OrganisationName} n'a pas de nouvelles depuis {message.DaysWithoutNews} jours.",
            "Merci de la compléter (entretien, proposition, recrutement ou fin avec son motif) : la commission qui accompagne le candidat la suit.",
        };
        if (message.SheetLink is { } link)
        {
            paragraphs.Add(link.AbsoluteUri);
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(message.Recruiter.Email, $"Fiche de suivi de {message.CandidateFirstName} : des nouvelles ?", paragraphs, message.SheetLink);
    }
}
