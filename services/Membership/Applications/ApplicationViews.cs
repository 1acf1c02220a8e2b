using Microsoft.EntityFrameworkCore;
using Nege.Contracts.Api.Membership;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Data;

namespace Nege.Membership.Applications;

/// <summary>The two images an application has: the organisation's logo and the referent's photo.</summary>
public enum ApplicationImage
{
    Logo,
    Photo,
}

/// <summary>How an application is shown: to its applicant, to the board, and in the applicant's copy by e-mail.</summary>
public static class ApplicationViews
{
    public static string Code(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "draft",
        ApplicationStatus.Submitted => "submitted",
        ApplicationStatus.Accepted => "accepted",
        _ => "refused",
    };

    public static string Label(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Brouillon",
        ApplicationStatus.Submitted => "Déposée",
        ApplicationStatus.Accepted => "Acceptée",
        _ => "Refusée",
    };

    /// <summary>Days from today (Paris) to the due date; negative once it has passed.</summary>
    public static (int? DaysLeft, bool Overdue) Deadline(MembershipApplication application, DateOnly today)
    {
        if (application.DecisionDueOn is not { } due)
        {
            return (null, false);
        }

        var daysLeft = due.DayNumber - today.DayNumber;
        return (daysLeft, application.Status == ApplicationStatus.Submitted && daysLeft < 0);
    }

    public static ApplicationSummary Summary(MembershipApplication application, Account referent, DateOnly today)
    {
        var (daysLeft, overdue) = Deadline(application, today);
        return new ApplicationSummary(
            application.Id.ToString(), application.Organisation.Name, application.Organisation.Category, referent.DisplayName, referent.Email,
            Code(application.Status), Label(application.Status), application.SubmittedAt, application.DecisionDueOn, daysLeft, overdue, application.DecidedAt);
    }

    public static async Task<ApplicationView> LoadAsync(MembershipDbContext db, MembershipApplication application, TimeProvider clock, CancellationToken cancellationToken)
    {
        var referent = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == application.ReferentAccountId, cancellationToken);
        var draft = application.Organisation;
        var affiliation = draft.AffiliationOrganisationId is { } affiliationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == affiliationId)
                .Select(o => new OrganisationChoice(o.Id.ToString(), o.Name)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var hrContactId = draft.HrContactAccountId ?? referent.Id;
        var hrContact = await db.Accounts.AsNoTracking().Where(a => a.Id == hrContactId)
            .Select(a => new PersonChoice(a.Id.ToString(), a.UserName, a.FirstName + " " + a.LastName)).SingleOrDefaultAsync(cancellationToken);
        var today = clock.TodayInParis();
        var (daysLeft, overdue) = Deadline(application, today);
        var missing = application.Status == ApplicationStatus.Draft
            ? ApplicationForm.Missing(draft, today).ToDictionary()
            : new Dictionary<string, string[]>();
        return new ApplicationView(
            application.Id.ToString(), Code(application.Status), Label(application.Status), application.CreatedAt, application.SubmittedAt,
            application.DecisionDueOn, daysLeft, overdue,
            Referent(referent),
            new OrganisationPartView(
                draft.Name, draft.Category, draft.RegionalHeadOffice, draft.LogoImageId is not null, draft.Presentation, draft.Website,
                draft.DigitalSector, draft.CompanyType, draft.MainActivities, draft.SiteDepartements, draft.InterventionDepartements,
                affiliation, hrContact,
                draft.Startup is { } s ? new StartupView(s.CreationDate, s.Headcount, s.TurnoverBand, s.SyntecStartupPack) : null,
                draft.Perimeter is { } p ? new PerimeterView(p.Alsace, p.ChampagneArdenne, p.Lorraine) : null,
                new CommitmentsView(draft.DelegationCommitment, draft.StatutesCommitment)),
            missing,
            application is { DecidedAt: { } decidedAt, BoardMeetingDate: { } meeting }
                ? new DecisionView(application.Status == ApplicationStatus.Accepted, meeting, application.DecisionReason, decidedAt, application.DecidedByName)
                : null);
    }

    public static async Task<Guid?> ImageIdAsync(
        MembershipDbContext db, MembershipApplication application, ApplicationImage image, CancellationToken cancellationToken) =>
        image == ApplicationImage.Logo
            ? application.Organisation.LogoImageId
            : await db.Accounts.Where(a => a.Id == application.ReferentAccountId).Select(a => a.PhotoImageId).SingleAsync(cancellationToken);

    public static ReferentView Referent(Account account) => new(
        account.Id.ToString(), account.Email, account.UserName, account.Civility, account.LastName, account.FirstName, account.Function,
        account.PhotoImageId is not null, account.MobilePhone, account.LandlinePhone,
        new WorkplaceView(account.Workplace.SiteName, account.Workplace.Zone, account.Workplace.Address, account.Workplace.PostalCode, account.Workplace.City),
        account.NotificationCategories);

    /// <summary>The whole application with the form's labels: the applicant's copy.</summary>
    public static IReadOnlyList<ApplicationSection> Contents(ApplicationView view)
    {
        var r = view.Referent;
        var o = view.Organisation;
        static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
        static string List(IReadOnlyList<string> values) => values.Count == 0 ? "—" : string.Join(" ; ", values);
        static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
        static string YesNo(bool value) => value ? "Oui" : "Non";
        List<ApplicationSection> sections =
        [
            new("Compte utilisateur",
            [
                new("Adresse de courriel", r.Email), new("Nom d'utilisateur", r.UserName), new("Civilité", r.Civility),
                new("Nom", r.LastName), new("Prénom", r.FirstName), new("Fonction", Or(r.Function)), new("Photo", r.HasPhoto ? "Jointe" : "—"),
            ]),
            new("Coordonnées individuelles", [new("Téléphone mobile", Or(r.MobilePhone)), new("Téléphone fixe", Or(r.LandlinePhone))]),
            new("Lieu de travail habituel",
            [
                new("Nom du site", Or(r.Workplace.SiteName)), new("Zone géographique", r.Workplace.Zone), new("Adresse", Or(r.Workplace.Address)),
                new("Code Postal", Or(r.Workplace.PostalCode)), new("Ville", Or(r.Workplace.City)),
            ]),
            new("Notifications de publication d'une actualité", [new("Catégories", List(r.NotificationCategories))]),
            new("Identification de l'organisme",
            [
                new("Raison sociale", Or(o.Name)), new("Catégorie d'organisme", Or(o.Category)),
                new("Localisation de la direction régionale", Or(o.RegionalHeadOffice)), new("Logo", o.HasLogo ? "Joint" : "—"),
                new("Présentation", o.Presentation is null ? "—" : FormRules.PlainText(o.Presentation)), new("Site Web", Or(o.Website)),
            ]),
            new("Caractéristiques de l'activité de l'entreprise",
            [
                new("Secteur numérique", o.DigitalSector is { } digital ? YesNo(digital) : "—"),
                new("Type d'entreprise", Or(o.CompanyType)),
                .. o.Startup is { } s
                    ? new ApplicationField[]
                    {
                        new("Date de création de la startup", s.CreationDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
                        new("Effectif de la startup", Count(s.Headcount)), new("Chiffre d'affaires", Or(s.TurnoverBand)),
                        new("Pack Startup de Syntec Numérique", YesNo(s.SyntecStartupPack)),
                    }
                    : [],
                new("Activités principales", List(o.MainActivities)),
                new("Localisation des établissements de l'entreprise", List(o.SiteDepartements)),
                new("Zones géographiques d'intervention", List(o.InterventionDepartements)),
                new("Affiliation à un organisme professionnel", o.Affiliation?.Name ?? "—"),
                new("Contact des ressources humaines", o.HrContact is { } hr ? $"{hr.Name} ({hr.UserName})" : "—"),
            ]),
            new("Périmètre d'adhésion",
            [
                new("Adhésion pour l'Alsace", Count(o.Perimeter?.Alsace)),
                new("Adhésion pour Champagne-Ardenne", Count(o.Perimeter?.ChampagneArdenne)),
                new("Adhésion pour Lorraine", Count(o.Perimeter?.Lorraine)),
            ]),
            new("Clauses d'engagement",
            [
                new(MembershipForm.DelegationCommitment, YesNo(o.Commitments.Delegation)),
                new(MembershipForm.StatutesCommitment, YesNo(o.Commitments.Statutes)),
            ]),
        ];
        return sections;
    }
}
