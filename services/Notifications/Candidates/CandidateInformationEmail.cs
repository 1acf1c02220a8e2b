using Microsoft.Extensions.Options;
using Nege.Contracts.Candidates;
using Nege.Notifications.Email;

namespace Nege.Notifications.Candidates;

/// <summary>
/// Informs a candidate that an employment partner sent their dossier to the association, as GDPR
/// article 14 requires when the data does not come from the person: who processes it, why, for how
/// long, their rights, and the notice they were informed of.
/// </summary>
public sealed class CandidateInformationEmail(
    NotificationsDbContext db,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<CandidateInformationEmail> logger)
    : EmailConsumer<DossierSubmitted>(db, email, clock, logger)
{
    public const string TemplateName = "candidate-information";

    protected override string Template => TemplateName;

    protected override EmailMessage Compose(DossierSubmitted message) => ComposeFor(message);

    public static EmailMessage ComposeFor(DossierSubmitted submitted)
    {
        var paragraphs = new List<string>
        {
            $"Bonjour {submitted.CandidateFirstName} {submitted.CandidateLastName},",
            $"L'organisme qui vous accompagne dans votre recherche d'emploi a transmis votre dossier de candidat (référence {submitted.Number}) à Numéric'Emploi Grand Est, le {FrenchDates.Format(submitted.SubmittedAt)}.",
            "Qui traite vos données : l'association Numéric'Emploi Grand Est (NEGE), reconnue d'intérêt général, qui aide les personnes en recherche d'emploi à trouver un poste dans un métier du numérique en région Grand Est.",
            "Pourquoi : vous aider à trouver un emploi dans un métier du numérique — évaluer votre niveau d'employabilité, émettre des recommandations sur votre projet professionnel et votre recherche d'emploi, vous mettre en relation avec des entreprises membres de l'association qui recrutent et, le cas échéant, vous proposer un plan d'accompagnement personnalisé. Ce traitement repose sur la mission d'intérêt public poursuivie par l'association.",
            "Quelles données : votre identification et vos coordonnées, le contexte de votre recherche d'emploi, votre profil et votre projet professionnels, et les documents transmis (CV, lettres, diplômes…). Les destinataires sont les membres adhérents ou conventionnés de l'association : entreprises qui recrutent, partenaires emploi qui vous suivent, organismes de vos actions d'accompagnement.",
            $"Combien de temps : vos données sont conservées au plus {CandidateNotices.RetentionMonths} mois après la dernière mise à jour de votre dossier, puis détruites dans le mois qui suit.",
            "Vos droits : vous pouvez accéder à vos données et les faire rectifier, vous opposer à leur traitement pour des motifs légitimes, ou demander la clôture et la suppression de votre dossier, en nous écrivant par le formulaire de contact du site https://grand-est.numeric-emploi.org/contact. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
        };
        if (submitted.NoticeLink is { } notice)
        {
            paragraphs.Add($"Les « {CandidateNotices.DataUseTitle} » (version {submitted.NoticeVersion}) dont vous avez été informé : {notice.AbsoluteUri}");
        }

        paragraphs.Add("Numéric'Emploi Grand Est");
        return EmailBodies.Build(
            submitted.CandidateEmail,
            "Votre dossier de candidat a été transmis à Numéric'Emploi Grand Est",
            paragraphs,
            submitted.NoticeLink);
    }
}
