using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>The daily list, to each pilot of a territory, of its dossiers without activity.</summary>
public sealed class InactiveDossiersReminderEmail(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<InactiveDossiersReminderEmail> logger)
    : EmailConsumer<InactiveDossiersReminderDue>(db, email, clock, logger)
{
    public const string TemplateName = "inactive-dossiers-reminder";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(InactiveDossiersReminderDue message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(InactiveDossiersReminderDue message) =>
        [.. message.Pilots.Select(pilot => ComposeFor(message, pilot))];

    public static EmailMessage ComposeFor(InactiveDossiersReminderDue due, Recipient pilot)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {pilot.Name},",
            $"{(due.Dossiers.Count == 1 ? "Un dossier" : $"{due.Dossiers.Count} dossiers")} de la commission {due.Territory} {(due.Dossiers.Count == 1 ? "est" : "sont")} sans activité depuis {due.InactivityDays} jours ou plus :",
            string.Join("\n", due.Dossiers.Select(d => $"– {d.Number} : {d.CandidateName}, « {d.Status} », sans activité depuis {d.DaysWithoutActivity} jours")),
        };
        if (due.QueueLink is { } link)
        {
            paragraphs.Add($"La file de travail de la commission : {link.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(pilot.Email, $"Commission {due.Territory} : dossiers sans activité", paragraphs, due.QueueLink);
    }
}
