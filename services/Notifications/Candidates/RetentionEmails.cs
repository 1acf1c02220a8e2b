using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Messaging;

namespace Nege.Notifications.Candidates;

/// <summary>Thirty days before a dossier's erasure: the candidate and the partners' advisers are told, and how to keep it.</summary>
public sealed class RetentionWarningEmails(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<RetentionWarningEmails> logger)
    : EmailConsumer<DossierRetentionWarning>(db, email, clock, logger)
{
    public const string TemplateName = "dossier-retention-warning";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierRetentionWarning message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(DossierRetentionWarning message)
    {
        var day = FrenchDates.Format(message.ErasureFrom);
        var emails = new List<EmailMessage>();
        if (message.CandidateEmail is { } candidate)
        {
            emails.Add(EmailBodies.Build(candidate, $"Votre dossier {message.Number} sera effacé à partir du {day}",
            [
                $"Bonjour {message.CandidateFirstName},",
                $"Votre dossier de candidat (référence {message.Number}) n'a pas été mis à jour depuis {message.RetentionMonths} mois moins 30 jours. Comme nous nous y sommes engagés, il sera effacé à partir du {day} : vos données, documents, analyses et fiches de suivi seront détruits dans le mois qui suit.",
                "Si vous souhaitez que nous continuions à vous accompagner, mettez votre dossier à jour (depuis votre espace candidat ou avec votre conseiller) avant cette date : la durée de conservation repartira de cette mise à jour.",
                "Numéric'Emploi Grand Est",
            ]));
        }

        emails.AddRange(Followers.EachOf(message.Advisers, adviser => EmailBodies.Build(adviser.Email, $"Dossier {message.Number} : effacement à partir du {day}",
        [
            $"Bonjour {adviser.Name},",
            $"Le dossier {message.Number} de {message.CandidateFirstName}, que vous suivez, n'a pas été mis à jour depuis près de {message.RetentionMonths} mois : il sera effacé à partir du {day}, sauf mise à jour d'ici là.",
            "Numéric'Emploi Grand Est",
        ])));
        return emails;
    }
}

/// <summary>
/// A candidate's dossier was erased: Notifications forgets the e-mails it holds to or about them (the address, or the
/// dossier's number in the subject or the text), sent or still to send.
/// When the erasure was the candidate's request, the one e-mail it then keeps is their confirmation that it is done.
/// </summary>
public sealed class ErasedDossierForgetter(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<ErasedDossierForgetter> logger)
    : IdempotentConsumer<DossierErased, NotificationsDbContext>(db, clock, logger)
{
    public const string ConfirmationTemplate = "dossier-erased-at-request";

    protected override async Task HandleAsync(ConsumeContext<DossierErased> context, CancellationToken cancellationToken)
    {
        var erased = context.Message;
        var number = "%" + erased.Number + "%";
        var forgotten = await Db.EmailDeliveries
            .Where(d => d.Recipient == erased.CandidateEmail || EF.Functions.Like(d.Subject, number) || EF.Functions.Like(d.TextBody, number))
            .ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Dossier {Number} erased: {Count} e-mails forgotten", erased.Number, forgotten);
        if (erased.AtCandidatesRequest)
        {
            Db.EmailDeliveries.Add(EmailDelivery.Record(Confirmation(erased), ConfirmationTemplate, context.MessageId!.Value, email.Value.Domain, Clock.GetUtcNow(), Activity.Current));
        }
    }

    public static EmailMessage Confirmation(DossierErased erased)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {erased.CandidateFirstName},",
            $"Comme vous l'avez demandé, votre dossier de candidat (référence {erased.Number}) est clos et supprimé : vos données, documents, analyses, fiches de suivi et votre fiche du vivier sont effacés de la plateforme de Numéric'Emploi Grand Est.",
        };
        if (erased.Message is { } said)
        {
            paragraphs.Add($"Le message de la commission : {said}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(erased.CandidateEmail, "Votre dossier est supprimé", paragraphs);
    }
}
