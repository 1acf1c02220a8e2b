using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>Tells each partner adviser who follows a candidate that their dossier changed status, and why.</summary>
public sealed class DossierStatusChangeForAdvisers(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<DossierStatusChangeForAdvisers> logger)
    : EmailConsumer<DossierStatusChanged>(db, email, clock, logger)
{
    public const string TemplateName = "dossier-status-for-adviser";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierStatusChanged message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(DossierStatusChanged message) =>
        [.. message.Advisers.Select(adviser => ComposeFor(message, adviser))];

    public static EmailMessage ComposeFor(DossierStatusChanged changed, Recipient adviser)
    {
        var candidate = changed.CandidateName is { } name ? $"de {name} (dossier {changed.Number})" : $"{changed.Number}";
        var paragraphs = new List<string>
        {
            $"Bonjour {adviser.Name},",
            $"Le dossier {candidate}, que vous suivez, est passé de « {DossierStatuses.Label(changed.From)} » à « {DossierStatuses.Label(changed.To)} » le {FrenchDates.Format(changed.ChangedAt)}.",
        };
        if (!string.IsNullOrWhiteSpace(changed.Reason))
        {
            paragraphs.Add($"Motif : {changed.Reason}");
        }

        if (changed.AdviserLink is { } link)
        {
            paragraphs.Add($"Le dossier et son historique dans l'espace membre : {link.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(adviser.Email, $"Dossier {changed.Number} : « {DossierStatuses.Label(changed.To)} »", paragraphs, changed.AdviserLink);
    }
}
