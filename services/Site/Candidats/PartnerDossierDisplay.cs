using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Site.Candidats;

/// <summary>What the shared partial <c>_DossierContent</c> shows: a dossier's contents, and whether it says that health data is shown.</summary>
public sealed record DossierContentDisplay(DossierContentView Content, bool HealthDataShown = false);

/// <summary>How the partners' advisers' pages (« Dossiers de candidats ») write a dossier for people.</summary>
public static class PartnerDossierDisplay
{
    public const string ListPath = "/espace-membre/dossiers";

    public const string NewPath = "/espace-membre/dossiers/nouveau";

    /// <summary><c>PartnerDossierView.Relation</c> of the organisation that submitted the dossier; the other is « follower ».</summary>
    public const string Submitter = "submitter";

    /// <summary>An <c>Idempotency-Key</c> that went with other values (422): a form sent, then changed and sent again.</summary>
    public const string KeyAlreadyUsed =
        "Ce formulaire a déjà été envoyé avec d'autres valeurs : vérifiez dans la liste des dossiers ce qui a été enregistré avant de l'envoyer à nouveau.";

    public static string DossierPath(Guid id) => $"{ListPath}/{id}";

    public static string DocumentPath(Guid id, Guid documentId) => $"{ListPath}/{id}/documents/{documentId}";

    public static string DeleteDocumentPath(Guid id, Guid documentId) => $"{DocumentPath(id, documentId)}/supprimer";

    public static string FullName(PartnerDossierView dossier) => $"{dossier.FirstName} {dossier.LastName}".Trim();

    public static bool IsSubmitter(PartnerDossierView dossier) => dossier.Relation == Submitter;

    public static string Relation(PartnerDossierView dossier) => IsSubmitter(dossier) ? "Déposé par votre organisme" : "Suivi";

    /// <summary>Documents are added and the dossier withdrawn only while it is open (neither withdrawn nor closed).</summary>
    public static bool IsOpen(PartnerDossierView dossier) =>
        dossier.Status.Code is not (DossierStatuses.Withdrawn or DossierStatuses.Closed);
}
