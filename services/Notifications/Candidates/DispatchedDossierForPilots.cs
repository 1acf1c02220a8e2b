using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>Tells each pilot of a territory's commission that an admin gave it a dossier: new to them, as one submitted there.</summary>
public sealed class DispatchedDossierForPilots(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<DispatchedDossierForPilots> logger)
    : EmailConsumer<DossierDispatched>(db, email, clock, logger)
{
    public const string TemplateName = "dispatched-dossier-for-pilot";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierDispatched message) => ComposeAll(message)[0];

    protected override IReadOnlyList<EmailMessage> ComposeAll(DossierDispatched message) =>
        [.. message.Pilots.Select(pilot => ComposeFor(message, pilot))];

    public static EmailMessage ComposeFor(DossierDispatched dispatched, Recipient pilot) => NewDossierForPilots.ComposeArrival(
        pilot, dispatched.Territory, $"{dispatched.CandidateFirstName} {dispatched.CandidateLastName}", dispatched.Number,
        $"confié à la commission le {FrenchDates.Format(dispatched.DispatchedAt)} par un administrateur", dispatched.ExtranetLink);
}
