using Nege.Contracts.Membership;

namespace Nege.Site.Annuaire;

/// <summary>A kind of partner of the partners' directory: its heading, the members' category, and its role in the seed's words.</summary>
public sealed record PartnerKind(string Id, string Heading, string Category, IReadOnlyList<string> Role);

/// <summary>
/// « Consulter l'annuaire de nos partenaires »: the seed's « La puissance d'un réseau régional de partenaires »
/// (« Pourquoi adhérer ») describes the employment, support and training partners; the professional organisations'
/// role is the seed's too (« Participer à la vie de l'association », the fee grid's note (2)).
/// </summary>
public static class PartnerKinds
{
    public static readonly IReadOnlyList<PartnerKind> All =
    [
        new("partenaires-emploi", "Partenaires Emploi", MembershipForm.EmploymentPartner,
        [
            "Ils accompagnent les publics dont ils ont la responsabilité vers l'emploi.",
            "Ils détectent les profils correspondant aux actions menées par NEGE, soumettent les dossiers de candidatures, suivent leur traitement et assure le lien entre le candidat et les responsables des actions NEGE",
        ]),
        new("partenaires-soutien", "Partenaires Soutien", "Partenaire Soutien",
        [
            "Ils élaborent en partenariat avec NEGE les plans d'action pour favoriser l'accès à l'emploi des publics ciblés",
            "Ils apportent leur soutien logistique et financier",
        ]),
        new("partenaires-formation", "Partenaires Formation", "Partenaire formation",
        [
            "Ce sont des organismes de formation publics ou privés",
            "Ils collaborent avec NEGE pour réaliser l'ingénierie de formation des actions organisées par NEGE",
            "Ils animent les formations référencées au catalogue de NEGE pour adapter les compétences des candidats aux besoins de recrutement des entreprises régionales du secteur numérique",
        ]),
        new("organisations-professionnelles", "Organisations professionnelles", MembershipForm.ProfessionalOrganisation,
        [
            "Ce sont les structures membres du collège Organisation professionnelle de l'association",
            "Elles gèrent l'association : les membres du Conseil d'Administration sont élus parmi les candidats qu'elles proposent",
            "Les membres du collège Organisations professionnelles donnent leur avis et approuvent lors de l'assemblée générale annuelle la stratégie et les plans d'actions des commissions de l'association, les budgets d'investissement et de fonctionnement",
            "Un organisme adhérent à l'une de ces structures bénéficie de la cotisation annuelle organisme affilié",
        ]),
    ];
}
