namespace Nege.Contracts.Membership;

/// <summary>
/// The lists of values of the « Devenir adhérent » form, spelled exactly as the association's
/// document (shared/seeds/000_…) spells them. Shared so that the site, Membership and billing agree.
/// </summary>
public static class MembershipForm
{
    /// <summary>The seed shows « Choisir une valeur » without its values; these two are the usual ones.</summary>
    public static readonly IReadOnlyList<string> Civilities = ["Madame", "Monsieur"];

    /// <summary>« Catégorie d'organisme ».</summary>
    public static readonly IReadOnlyList<string> OrganisationCategories =
        ["Entreprise", "Partenaire emploi", "Partenaire formation", "Partenaire Soutien", "Organisation professionnelle"];

    public const string ProfessionalOrganisation = "Organisation professionnelle";

    public const string EmploymentPartner = "Partenaire emploi";

    /// <summary>« Notification de publication d'une actualité ».</summary>
    public static readonly IReadOnlyList<string> NewsCategories =
        ["Evénement public", "Vie de l'association", "Commission Aide au Recrutement", "Commission Adaptation des Compétences", "Processus & Documentation"];

    /// <summary>« Type d'entreprise ».</summary>
    public static readonly IReadOnlyList<string> CompanyTypes =
        ["N/A", "StartUp", "TPE : 1-9 personnes", "PME : 10-250 personnes", "ETI : 251-5000 personnes", "Grande entreprise", "Organisme public"];

    public const string Startup = "StartUp";

    /// <summary>« Activités principales ».</summary>
    public static readonly IReadOnlyList<string> MainActivities =
    [
        "Éditeur de logiciel, plateforme SaaS",
        "ESN - Agence Web",
        "ESN - Conseils et services Infrastructures",
        "ESN - Conseils et Services Logiciels",
        "ESN - Conseils et Services Métier",
        "Société d'Ingénierie et de Conseils en technologies (informatique embarquée)",
        "Cabinet de recrutement",
        "Direction interne du Système d'Information / de la Transformation numérique",
    ];

    /// <summary>« Localisation des établissements » and « Zones géographiques d'intervention »: the eleven départements.</summary>
    public static readonly IReadOnlyList<string> Departements =
    [
        "Alsace : Bas-Rhin (67)",
        "Alsace : Haut-Rhin (68)",
        "Lorraine : Meurthe-et-Moselle (54)",
        "Lorraine : Meuse (55)",
        "Lorraine : Moselle (57)",
        "Lorraine : Vosges (88)",
        "Champagne Ardennes : Ardennes (08)",
        "Champagne Ardennes : Aube (10)",
        "Champagne Ardennes : Marne (51)",
        "Champagne Ardennes : Haute-Marne (52)",
        "Territoire de Belfort (90)",
    ];

    /// <summary>
    /// « Zone géographique » of the usual workplace: the seed shows only its default, « N/A »; the
    /// eleven départements are the association's territories.
    /// </summary>
    public static readonly IReadOnlyList<string> WorkplaceZones = ["N/A", .. Departements];

    /// <summary>The start-up definition's turnover threshold (« Chiffre d'Affaires &lt; 300 K€ »).</summary>
    public static readonly IReadOnlyList<string> TurnoverBands = ["Moins de 300 K€", "300 K€ ou plus"];

    public const string TurnoverBelowThreshold = "Moins de 300 K€";

    /// <summary>« Périmètre d'adhésion »: the sworn statement under each territory's headcount.</summary>
    public const string SwornStatement =
        "En enregistrant ce formulaire j'atteste sur l'honneur que cette valeur est conforme à la réalité. Si la valeur est à 0, cela signifie que vous ne souhaitez pas bénéficier des actions de l'association sur ce territoire.";

    public const string DelegationCommitment =
        "Je certifie sur l'honneur avoir les délégations nécessaires pour engager et représenter l'organisme auquel j'appartiens au sein de l'association Numéric'Emploi Grand Est";

    public const string StatutesCommitment =
        "Je certifie avoir pris connaissance des statuts de l'association, du règlement intérieur et de la grille de cotisation, et déclare les accepter.";

    public const string ConsentStatement =
        "En cochant cette case, je confirme avoir pris connaissance des conditions d'utilisation des données de mon profil utilisateur de l'extranet disponible dans les mentions légales";

    /// <summary>The board's target: « Votre demande sera traitée sous quinze jours ».</summary>
    public const int DecisionTargetDays = 15;
}
