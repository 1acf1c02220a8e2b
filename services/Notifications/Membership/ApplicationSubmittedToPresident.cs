using Microsoft.Extensions.Options;
using Nege.Contracts.Membership;
using Nege.Notifications.Email;
using Nege.ServiceDefaults.Data;

namespace Nege.Notifications.Membership;

/// <summary>Tells the president that an organisation applied: who, when, by when to decide, and the link to the application.</summary>
public sealed class ApplicationSubmittedToPresident(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    IOptions<PresidentOptions> president,
    TimeProvider clock,
    ILogger<ApplicationSubmittedToPresident> logger)
    : EmailConsumer<MembershipApplicationSubmitted>(db, email, clock, logger)
{
    public const string TemplateName = "membership-application-to-president";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(MembershipApplicationSubmitted message) => ComposeFor(message, president.Value);

    public static EmailMessage ComposeFor(MembershipApplicationSubmitted submitted, PresidentOptions president)
    {
        // Events published before DecisionDueOn existed: the same rule as Membership's, 15 days after the Paris day of submission.
        var dueOn = submitted.DecisionDueOn
                    ?? ParisTime.DateOf(submitted.SubmittedAt).AddDays(MembershipForm.DecisionTargetDays);
        var facts = new List<string>
        {
            $"Organisme : {submitted.OrganisationName}",
            $"Catégorie : {(string.IsNullOrWhiteSpace(submitted.Category) ? "non précisée" : submitted.Category)}",
        };
        if (!string.IsNullOrWhiteSpace(submitted.ContactName))
        {
            facts.Add($"Référent : {submitted.ContactName}");
        }

        facts.Add($"Courriel du référent : {submitted.ContactEmail}");
        facts.Add($"Déposée le : {FrenchDates.Format(submitted.SubmittedAt)}");

        string[] where = submitted.ExtranetLink is { } link
            ? ["Pour la consulter et enregistrer la décision du Conseil d'Administration, ouvrez-la dans l'extranet :", link.AbsoluteUri]
            : ["Vous la trouverez dans l'extranet, parmi les demandes d'adhésion à traiter."];
        string[] paragraphs =
        [
            "Bonjour,",
            $"L'organisme « {submitted.OrganisationName} » a déposé une demande d'adhésion à Numéric'Emploi Grand Est. " +
            $"Elle est à traiter avant le {FrenchDates.Format(dueOn)}, pour tenir l'engagement d'une réponse sous quinze jours.",
            string.Join('\n', facts),
            .. where,
            $"Référence de la demande : {submitted.ApplicationId}",
            "Numéric'Emploi Grand Est",
        ];
        return EmailBodies.Build(president.Email, $"Nouvelle demande d'adhésion : {submitted.OrganisationName}", paragraphs, submitted.ExtranetLink)
            with { ToName = string.IsNullOrWhiteSpace(president.Name) ? null : president.Name };
    }
}
