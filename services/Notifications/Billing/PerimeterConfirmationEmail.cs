using System.Globalization;
using Microsoft.Extensions.Options;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Notifications.Email;

namespace Nege.Notifications.Billing;

/// <summary>
/// The yearly renewal is a month away (or fifteen days, for the reminder): the referent is asked to confirm or update the
/// perimeter's headcounts, shown territory by territory with the fee they give, before the renewal's fee call uses them.
/// </summary>
public sealed class PerimeterConfirmationEmail(NotificationsDbContext db, IOptions<EmailOptions> email, TimeProvider clock, ILogger<PerimeterConfirmationEmail> logger)
    : EmailConsumer<PerimeterConfirmationRequested>(db, email, clock, logger)
{
    public const string TemplateName = "perimeter-confirmation";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(PerimeterConfirmationRequested message) => ComposeFor(message);

    public static EmailMessage ComposeFor(PerimeterConfirmationRequested request)
    {
        var renewalOn = FrenchDates.Format(request.RenewalOn);
        var paragraphs = new List<string>
        {
            $"Bonjour {request.Referent.Name},",
            request.IsReminder
                ? $"Sauf erreur de notre part, les effectifs du périmètre d'adhésion de l'organisme « {request.OrganisationName} » n'ont pas encore été confirmés. " +
                  $"L'appel de cotisation {request.Year} sera émis le {renewalOn}, d'après ces effectifs."
                : $"L'adhésion de l'organisme « {request.OrganisationName} » à Numéric'Emploi Grand Est arrive à son renouvellement : " +
                  $"l'appel de cotisation {request.Year} sera émis le {renewalOn}, d'après les effectifs de son périmètre d'adhésion.",
            "Les effectifs actuellement retenus sont les suivants :\n" + string.Join('\n', Territories(request.Perimeter)),
        };

        // Billing sends 0 when no fee grid is in force for the year yet: no estimate is better than a wrong one.
        if (request.EstimatedCents > 0)
        {
            paragraphs.Add($"Avec ces effectifs, la cotisation {request.Year} s'élèverait à {Money.Format(request.EstimatedCents)}.");
        }

        paragraphs.Add(request.ExtranetLink is { } link
            ? $"Confirmez ou mettez à jour ces effectifs dans l'extranet : {link.AbsoluteUri}"
            : "Confirmez ou mettez à jour ces effectifs dans l'extranet de l'association.");
        paragraphs.Add("Sans réponse de votre part, l'appel de cotisation sera établi avec les effectifs indiqués ci-dessus.");
        paragraphs.Add("Bien cordialement,");
        paragraphs.Add("Numéric'Emploi Grand Est");
        var subject = request.IsReminder
            ? $"Rappel – renouvellement de l'adhésion {request.Year} : confirmez vos effectifs"
            : $"Renouvellement de l'adhésion {request.Year} : confirmez vos effectifs";
        return EmailBodies.Build(request.Referent.Email, subject, paragraphs, request.ExtranetLink);
    }

    /// <summary>« Alsace : 12 salariés », « Champagne-Ardenne : 1 salarié », « Lorraine : 0 salarié (territoire non couvert) ».</summary>
    private static IEnumerable<string> Territories(MembershipPerimeter perimeter) =>
    [
        Territory("Alsace", perimeter.Alsace),
        Territory("Champagne-Ardenne", perimeter.ChampagneArdenne),
        Territory("Lorraine", perimeter.Lorraine),
    ];

    private static string Territory(string name, int headcount)
    {
        var staff = $"{headcount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ')} {(headcount > 1 ? "salariés" : "salarié")}";
        return headcount == 0 ? $"{name} : {staff} (territoire non couvert)" : $"{name} : {staff}";
    }
}
