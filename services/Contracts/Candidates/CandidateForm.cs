using Nege.Contracts.Membership;

namespace Nege.Contracts.Candidates;

/// <summary>
/// The lists of values of a candidate's dossier. Seed 004 names the domains (« tranche d'âge »,
/// « situation particulière vis-à-vis de l'emploi », « niveau de qualification »…) and seed 000 the
/// publics and the territories; where a seed names a domain without its values, the usual French ones.
/// </summary>
public static class CandidateForm
{
    /// <summary>« Tranche d'âge » (the bands France Travail's statistics use).</summary>
    public static readonly IReadOnlyList<string> AgeBands = ["Moins de 26 ans", "26 à 49 ans", "50 ans et plus"];

    /// <summary>« Situation particulière vis-à-vis de l'emploi »: seed 000's « Publics ciblés », several allowed.</summary>
    public static readonly IReadOnlyList<string> Situations =
    [
        LongTermUnemployed,
        Senior,
        EmploymentObligation,
        YoungOutOfSchool,
        FarFromEmployment,
        Reconversion,
    ];

    public const string LongTermUnemployed = "Demandeur d'emploi de longue durée";
    public const string Senior = "Senior";

    /// <summary>RQTH/BOE: health data, shown only to those who need it, and every showing is audited.</summary>
    public const string EmploymentObligation = "Bénéficiaire de l'obligation d'emploi (RQTH/BOE)";

    public const string YoungOutOfSchool = "Jeune « décrocheur » du système éducatif traditionnel";
    public const string FarFromEmployment = "Personne éloignée de l'emploi";
    public const string Reconversion = "Personne en reconversion professionnelle";

    /// <summary>« Maîtrise des compétences fonctionnelles, techniques, méthodologiques, langue ».</summary>
    public static readonly IReadOnlyList<string> SkillKinds = ["Fonctionnelle", "Technique", "Méthodologique", "Langue"];

    public const string LanguageSkill = "Langue";

    /// <summary>The level of a functional, technical or methodological skill.</summary>
    public static readonly IReadOnlyList<string> SkillLevels = ["Notions", "Pratique", "Maîtrise", "Expertise"];

    /// <summary>The level of a language (the Common European Framework of Reference).</summary>
    public static readonly IReadOnlyList<string> LanguageLevels = ["A1", "A2", "B1", "B2", "C1", "C2"];

    /// <summary>« Niveau de qualification (diplôme) »: the French national scale of 2019.</summary>
    public static readonly IReadOnlyList<string> QualificationLevels =
    [
        "Sans diplôme",
        "Niveau 3 (CAP, BEP)",
        "Niveau 4 (baccalauréat)",
        "Niveau 5 (bac+2 : BTS, DUT)",
        "Niveau 6 (bac+3, bac+4 : licence, BUT, master 1)",
        "Niveau 7 (bac+5 : master, diplôme d'ingénieur)",
        "Niveau 8 (doctorat)",
    ];

    /// <summary>« Type d'entreprise » of the professional project: the membership form's own list.</summary>
    public static IReadOnlyList<string> CompanyTypes => MembershipForm.CompanyTypes;

    /// <summary>« Type de contrat de travail ».</summary>
    public static readonly IReadOnlyList<string> ContractTypes = ["CDI", "CDD", "Intérim", "Alternance", "Stage", "Indépendant"];

    /// <summary>« Mobilité géographique »: the association's départements (seed 000).</summary>
    public static IReadOnlyList<string> Departements => MembershipForm.Departements;

    /// <summary>The territorial commissions (seed 000: « Territoires : Alsace Lorraine Champagne-Ardenne »).</summary>
    public static readonly IReadOnlyList<string> Territories = [Alsace, Lorraine, ChampagneArdenne];

    public const string Alsace = "Alsace";
    public const string Lorraine = "Lorraine";
    public const string ChampagneArdenne = "Champagne-Ardenne";

    /// <summary>The kinds of document a dossier holds (seed 004).</summary>
    public static readonly IReadOnlyList<string> DocumentKinds =
        ["Curriculum Vitae", "Lettre de motivation", "Lettre de recommandation", "Certificat", "Attestation", "Diplôme"];
}
