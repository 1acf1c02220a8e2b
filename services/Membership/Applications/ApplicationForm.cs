using Nege.Contracts.Api.Membership;
using Nege.Contracts.Membership;
using Nege.Membership.Accounts;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Applications;

/// <summary>The part 1 answers besides the account's identity.</summary>
public sealed record ContactDetails(string? MobilePhone, string? LandlinePhone, Workplace Workplace, List<string> NotificationCategories);

/// <summary>The form's rules, field by field, with the seed's labels in the messages. Pure: no database.</summary>
public static class ApplicationForm
{
    public static ContactDetails ValidateContact(
        ValidationErrors errors, string? mobilePhone, string? landlinePhone, WorkplaceInput? workplace, IReadOnlyList<string>? categories)
    {
        var mobile = FrenchPhone.ToE164(errors, "mobilePhone", mobilePhone, "téléphone mobile", mobile: true);
        var landline = FrenchPhone.ToE164(errors, "landlinePhone", landlinePhone, "téléphone fixe");
        var place = new Workplace(
            FormRules.Text(errors, "workplace.siteName", workplace?.SiteName, "Le nom du site"),
            FormRules.OneOf(errors, "workplace.zone", workplace?.Zone, MembershipForm.WorkplaceZones, "La zone géographique") ?? "N/A",
            FormRules.Text(errors, "workplace.address", workplace?.Address, "L'adresse"),
            FormRules.PostalCode(errors, "workplace.postalCode", workplace?.PostalCode),
            FormRules.Text(errors, "workplace.city", workplace?.City, "La ville"));
        var chosen = FormRules.ManyOf(errors, "notificationCategories", categories, MembershipForm.NewsCategories, "Les notifications");
        return new ContactDetails(mobile, landline, place, [.. chosen]);
    }

    /// <summary>
    /// Part 2's answers as a draft. The logo, the affiliation and the HR contact need the database and
    /// are resolved by the caller; the previous draft's values are kept for them.
    /// </summary>
    public static OrganisationDraft ValidateOrganisation(ValidationErrors errors, OrganisationRequest input, OrganisationDraft previous)
    {
        var companyType = FormRules.OneOf(errors, "companyType", input.CompanyType, MembershipForm.CompanyTypes, "Le type d'entreprise");
        return previous with
        {
            Name = FormRules.Text(errors, "name", input.Name, "La raison sociale"),
            Category = FormRules.OneOf(errors, "category", input.Category, MembershipForm.OrganisationCategories, "La catégorie d'organisme"),
            RegionalHeadOffice = FormRules.Text(errors, "regionalHeadOffice", input.RegionalHeadOffice, "La localisation de la direction régionale"),
            Presentation = FormRules.Presentation(errors, "presentation", input.Presentation),
            Website = FormRules.Website(errors, "website", input.Website),
            DigitalSector = input.DigitalSector,
            CompanyType = companyType,
            MainActivities = FormRules.ManyOf(errors, "mainActivities", input.MainActivities, MembershipForm.MainActivities, "Les activités principales"),
            SiteDepartements = FormRules.ManyOf(errors, "siteDepartements", input.SiteDepartements, MembershipForm.Departements, "La localisation des établissements"),
            InterventionDepartements = FormRules.ManyOf(errors, "interventionDepartements", input.InterventionDepartements, MembershipForm.Departements, "Les zones géographiques d'intervention"),
            Startup = companyType == MembershipForm.Startup ? ValidateStartup(errors, input.Startup) : null,
            Perimeter = input.Perimeter is { } perimeter
                ? new PerimeterDraft(
                    FormRules.Headcount(errors, "perimeter.alsace", perimeter.Alsace, "L'adhésion pour l'Alsace"),
                    FormRules.Headcount(errors, "perimeter.champagneArdenne", perimeter.ChampagneArdenne, "L'adhésion pour Champagne-Ardenne"),
                    FormRules.Headcount(errors, "perimeter.lorraine", perimeter.Lorraine, "L'adhésion pour Lorraine"))
                : null,
            DelegationCommitment = input.Commitments?.Delegation == true,
            StatutesCommitment = input.Commitments?.Statutes == true,
        };
    }

    private static StartupDraft ValidateStartup(ValidationErrors errors, StartupInput? startup) => new(
        startup?.CreationDate,
        FormRules.Headcount(errors, "startup.headcount", startup?.Headcount, "L'effectif de la startup"),
        FormRules.OneOf(errors, "startup.turnoverBand", startup?.TurnoverBand, MembershipForm.TurnoverBands, "Le chiffre d'affaires"),
        startup?.SyntecStartupPack == true);

    /// <summary>What submission still refuses: required answers, the perimeter, the commitments, the start-up definition.</summary>
    public static ValidationErrors Missing(OrganisationDraft draft, DateOnly today)
    {
        var errors = new ValidationErrors()
            .AddIf(draft.Name is null, "name", "La raison sociale est obligatoire.")
            .AddIf(draft.Category is null, "category", "La catégorie d'organisme est obligatoire.")
            .AddIf(draft.RegionalHeadOffice is null, "regionalHeadOffice", "La localisation de la direction régionale est obligatoire.")
            .AddIf(draft.LogoImageId is null, "logo", "Le logo est obligatoire.")
            .AddIf(draft.DigitalSector is null, "digitalSector", "Indiquez si votre organisme appartient au secteur numérique.");

        var perimeter = draft.Perimeter;
        errors.AddIf(perimeter?.Alsace is null, "perimeter.alsace", "L'adhésion pour l'Alsace est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")
            .AddIf(perimeter?.ChampagneArdenne is null, "perimeter.champagneArdenne", "L'adhésion pour Champagne-Ardenne est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")
            .AddIf(perimeter?.Lorraine is null, "perimeter.lorraine", "L'adhésion pour Lorraine est obligatoire (0 si vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire).")
            .AddIf(perimeter is { Alsace: not null, ChampagneArdenne: not null, Lorraine: not null } && perimeter.Alsace + perimeter.ChampagneArdenne + perimeter.Lorraine == 0,
                "perimeter", "Indiquez un nombre supérieur à 0 pour au moins un territoire : l'adhésion doit couvrir au moins l'un d'eux.")
            .AddIf(!draft.DelegationCommitment, "commitments.delegation", "Vous devez certifier avoir les délégations nécessaires pour engager et représenter votre organisme.")
            .AddIf(!draft.StatutesCommitment, "commitments.statutes", "Vous devez certifier avoir pris connaissance des statuts, du règlement intérieur et de la grille de cotisation, et les accepter.");

        if (draft.CompanyType == MembershipForm.Startup)
        {
            var startup = draft.Startup;
            errors.AddIf(startup?.CreationDate is null, "startup.creationDate", "La date de création de la startup est obligatoire.")
                .AddIf(startup?.CreationDate > today, "startup.creationDate", "La date de création ne peut pas être dans le futur.")
                .AddIf(startup?.Headcount is null, "startup.headcount", "L'effectif de la startup est obligatoire.")
                .AddIf(startup?.TurnoverBand is null, "startup.turnoverBand", "Le chiffre d'affaires de la startup est obligatoire.");
            if (startup is { CreationDate: { } created, Headcount: { } headcount, TurnoverBand: { } band } && created <= today
                && !FormRules.IsStartup(created, headcount, band, today))
            {
                errors.Add("companyType", $"Votre entreprise ne répond pas à la définition d'une startup. {FormRules.StartupDefinition}");
            }
        }

        return errors;
    }
}
