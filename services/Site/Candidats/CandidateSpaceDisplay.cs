using Nege.Contracts.Api.Candidates;
using Nege.Site.Membership;

namespace Nege.Site.Candidats;

/// <summary>
/// What the candidate's space offers, with the French labels of seed 004 (the codes are the API's): the commitments
/// they report in one click and the requests they make of the territory's pilot.
/// </summary>
public static class CandidateSpaceDisplay
{
    public const string SpacePath = "/espace-membre/candidat";

    public const string RectificationPath = SpacePath + "/rectification";

    public const string RequestsPath = SpacePath + "/demandes";

    public const string Correction = "correction";

    public const string Objection = "objection";

    public const string Erasure = "erasure";

    /// <summary>A request's state until the pilot answers it.</summary>
    public const string Open = "open";

    /// <summary>A request's state once the pilot accepted it.</summary>
    public const string Accepted = "accepted";

    /// <summary>« Engagement de collaboration » (seed 004), as <c>CommitmentRequest.Kind</c> takes it.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Commitments =
    [
        ("interview", "Je participe à des entretiens de recrutement"),
        ("found_job", "J'ai trouvé un emploi"),
        ("unavailable", "Je suis momentanément indisponible pour le plan d'accompagnement"),
        ("training", "Je suis une formation non prévue dans le plan d'accompagnement"),
        ("new_skills", "J'ai acquis des compétences complémentaires"),
        ("wants_to_stop", "Je souhaite arrêter le plan d'accompagnement"),
    ];

    /// <summary>The commitments that take the candidate's card out of the talent pool.</summary>
    public static readonly IReadOnlyList<string> LeavingThePool = ["found_job", "wants_to_stop"];

    /// <summary><c>RightsRequestInput.Kind</c>, and what the pilot's acceptance does.</summary>
    public static readonly IReadOnlyList<(string Code, string Label, string Effect)> RequestKinds =
    [
        (Correction, "Correction des analyses de la commission",
            "Une analyse ou une recommandation de la commission vous semble inexacte : indiquez laquelle et ce qui doit être corrigé."),
        (Objection, "Opposition au traitement de mes données",
            "Si le pilote l'accepte, votre dossier est retiré : il n'est plus étudié par la commission ni proposé aux entreprises."),
        (Erasure, "Clôture et suppression de mon dossier",
            "Définitif : si le pilote l'accepte, votre dossier est effacé aussitôt, avec ses documents, les analyses de la commission, les fiches de suivi et votre fiche du vivier ; il ne pourra pas être rétabli. Seules des statistiques anonymes sont conservées."),
    ];

    public static bool IsCommitment(string? kind) => Commitments.Any(commitment => commitment.Code == kind);

    public static bool IsRequestKind(string? kind) => RequestKinds.Any(request => request.Code == kind);

    /// <summary>An accepted erasure: the dossier no longer exists, its page would be « introuvable ».</summary>
    public static bool ErasedBy(RightsRequestView request) => request is { Kind: Erasure, State: Accepted };

    /// <summary>« le 05/12/2026 à 10:00, par Paul Pilote ».</summary>
    public static string AnsweredOn(RightsRequestView request) =>
        request.AnsweredAt is { } at ? $"le {Display.Date(at)}{(request.AnsweredBy is { Length: > 0 } by ? $", par {by}" : "")}" : "";
}

/// <summary>The commitments a candidate reported, as <c>_Commitments</c> lists them, with what to say when there are none.</summary>
public sealed record CommitmentsDisplay(IReadOnlyList<CommitmentView> Commitments, string Caption, string None);
