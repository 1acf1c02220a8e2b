using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>Tells each pilot of a territory's commission that a new dossier came in, with its page in the extranet.</summary>
public sealed class NewDossierForPilots(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<NewDossierForPilots> logger)
    : EmailConsumer<DossierSubmitted>(db, email, clock, logger)
{
    public const string TemplateName = "new-dossier-for-pilot";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierSubmitted message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(DossierSubmitted message) =>
        [.. message.Pilots.Select(pilot => ComposeFor(message, pilot))];

    public static EmailMessage ComposeFor(DossierSubmitted submitted, Recipient pilot)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {pilot.Name},",
            $"Un nouveau dossier de candidat est arrivé pour la commission {submitted.Territory} : {submitted.CandidateFirstName} {submitted.CandidateLastName} (dossier {submitted.Number}), déposé le {FrenchDates.Format(submitted.SubmittedAt)} par un partenaire emploi.",
        };
        if (submitted.ExtranetLink is { } link)
        {
            paragraphs.Add($"Le dossier dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(pilot.Email, $"Nouveau dossier {submitted.Number} pour la commission {submitted.Territory}", paragraphs, submitted.ExtranetLink);
    }
}
