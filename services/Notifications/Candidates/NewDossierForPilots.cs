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

    public static EmailMessage ComposeFor(DossierSubmitted submitted, Recipient pilot) => ComposeArrival(
        pilot, submitted.Territory ?? "", $"{submitted.CandidateFirstName} {submitted.CandidateLastName}", submitted.Number,
        $"déposé le {FrenchDates.Format(submitted.SubmittedAt)} par un partenaire emploi", submitted.ExtranetLink);

    /// <summary>A dossier new to the territory's commission, however it came (submitted there, or dispatched to it).</summary>
    public static EmailMessage ComposeArrival(Recipient pilot, string territory, string candidate, string number, string how, Uri? link)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {pilot.Name},",
            $"Un nouveau dossier de candidat est arrivé pour la commission {territory} : {candidate} (dossier {number}), {how}.",
        };
        if (link is not null)
        {
            paragraphs.Add($"Le dossier dans l'extranet : {link.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(pilot.Email, $"Nouveau dossier {number} pour la commission {territory}", paragraphs, link);
    }
}
