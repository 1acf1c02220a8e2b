using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>The code that proves a dossier is the candidate's, sent to the dossier's own address.</summary>
public sealed class AttachmentCodeEmail(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<AttachmentCodeEmail> logger)
    : EmailConsumer<CandidateAttachmentCodeRequested>(db, email, clock, logger)
{
    public const string TemplateName = "candidate-attachment-code";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(CandidateAttachmentCodeRequested message) => EmailBodies.Build(message.Email, $"Votre code de rattachement : {message.Code}",
    [
        $"Bonjour {message.FirstName},",
        $"Vous avez demandé à rattacher votre dossier de candidat à votre compte de l'extranet de Numéric'Emploi Grand Est. Votre code : {message.Code}",
        $"Il est valable jusqu'au {FrenchDates.Format(message.ExpiresAt)}. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera rattaché sans ce code.",
        "Numéric'Emploi Grand Est",
    ]);
}
