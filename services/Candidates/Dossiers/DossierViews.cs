using Nege.Contracts.Api.Candidates;

namespace Nege.Candidates.Dossiers;

/// <summary>A dossier as each kind of reader may see it.</summary>
public static class DossierViews
{
    public static DossierStatusView StatusOf(Dossier dossier) =>
        new(DossierLifeCycle.Code(dossier.Status), DossierLifeCycle.Label(dossier.Status), dossier.StatusSince);

    /// <summary>The submitter sees the contents; a follower sees who the person is and where the dossier stands.</summary>
    public static PartnerDossierView ForPartner(Dossier dossier, DossierPartner partner) => new(
        dossier.Id,
        dossier.NumberText,
        partner.Relation == PartnerRelation.Submitter ? "submitter" : "follower",
        StatusOf(dossier),
        dossier.Territory,
        partner.PartnerReference,
        dossier.Content.Identification.FirstName,
        dossier.Content.Identification.LastName,
        dossier.SubmittedAt,
        dossier.UpdatedAt,
        partner.Relation == PartnerRelation.Submitter ? dossier.Content : null)
    {
        Adviser = partner.Adviser,
    };

    public static DossierTransitionView Transition(DossierTransition transition) => new(
        transition.From is { } from ? DossierLifeCycle.Code(from) : null,
        DossierLifeCycle.Code(transition.To),
        DossierLifeCycle.Label(transition.To),
        transition.At,
        transition.ByName,
        transition.Reason);
}
