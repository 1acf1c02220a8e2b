using System.Globalization;
using Nege.Contracts.Api.Candidates;
using Nege.Printing;
using Nege.ServiceDefaults.Data;

namespace Nege.Candidates.CandidateSpace;

/// <summary>The candidate's dossier as a PDF (the right of access, on paper): the same sections as the page, plain text.</summary>
public static class DossierPdf
{
    public static byte[] Render(CandidateDossierView dossier)
    {
        var pdf = new PlainPdf();
        void Title(string text) => pdf.Heading(text);
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pdf.Paragraph($"{label} : {value}");
            }
        }

        var c = dossier.Content;
        Title($"Dossier de candidat {dossier.Number} - Numéric'Emploi Grand Est");
        Line("Statut", $"{dossier.Status.Label} (depuis le {Day(dossier.Status.Since)})");
        Line("Territoire", dossier.Territory);
        Line("Déposé le", Day(dossier.SubmittedAt));
        Line("Dernière mise à jour", Day(dossier.UpdatedAt));
        Line("Conservé jusqu'au", dossier.ErasureDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Title("Identification");
        Line("Prénom et nom", $"{c.Identification.FirstName} {c.Identification.LastName}");
        Line("Matricule", c.Identification.PartnerReference);
        Line("Adresse", $"{c.Identification.Address.Street} {c.Identification.Address.Complement} {c.Identification.Address.PostalCode} {c.Identification.Address.City}");
        Line("Courriel", c.Identification.Email);
        Line("Téléphone", c.Identification.Phone);
        Line("Date de naissance", c.Identification.BirthDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Title("Contexte de recherche d'emploi");
        Line("Tranche d'âge", c.Context.AgeBand);
        Line("Activité complémentaire", c.Context.ComplementaryActivity);
        Line("Situation particulière", string.Join(", ", c.Context.Situations));
        Title("Profil professionnel");
        foreach (var skill in c.Profile.Skills)
        {
            Line($"Compétence ({skill.Kind})", $"{skill.Name} - {skill.Level}");
        }

        Line("Savoir-être", string.Join(", ", c.Profile.SoftSkills));
        Line("Niveau de qualification", c.Profile.QualificationLevel);
        Line("Diplôme", c.Profile.Diploma);
        Line("Années d'expérience", c.Profile.ExperienceYears?.ToString(CultureInfo.InvariantCulture));
        Line("Expérience", c.Profile.Experience);
        Title("Projet professionnel");
        Line("Métiers recherchés", string.Join(", ", c.Project.TargetJobs));
        Line("Types d'entreprise", string.Join(", ", c.Project.CompanyTypes));
        Line("Contrats", string.Join(", ", c.Project.ContractTypes));
        Line("Prétention salariale (brut annuel)", c.Project.ExpectedAnnualGrossSalaryCents is { } cents ? $"{cents / 100:N0} €".Replace(',', ' ') : null);
        Line("Mobilité", $"{string.Join(", ", c.Project.Mobility.Departements)} {(c.Project.Mobility.MaximumDistanceKm is { } km ? $"({km} km)" : "")}");
        Line("Développement des compétences envisagé", c.Project.SkillsDevelopment);
        Title("Analyses et recommandations de la commission");
        foreach (var analysis in dossier.Analyses)
        {
            Line($"{analysis.KindLabel} du {Day(analysis.At)} par {analysis.Author}", string.Join(" ; ", new[] { analysis.Strengths, analysis.PointsToWork, analysis.Text }.Where(t => t is not null)));
        }

        foreach (var recommendation in dossier.Recommendations)
        {
            Line($"{recommendation.TopicLabel} du {Day(recommendation.At)} par {recommendation.Author}", recommendation.Text);
        }

        Title("Historique");
        foreach (var step in dossier.History)
        {
            Line(Day(step.At), $"{step.ToLabel} ({step.By}){(step.Reason is null ? "" : " - " + step.Reason)}");
        }

        Title("Documents");
        foreach (var document in dossier.Documents)
        {
            Line(document.Kind, document.FileName);
        }

        Title("Consentements");
        Line("Conditions d'utilisation des données personnelles", $"version {dossier.NoticeVersion}");
        foreach (var consent in dossier.Consents)
        {
            Line(consent.Label, $"{(consent.Given ? "oui" : "non")} depuis le {Day(consent.Since)} ({consent.How})");
        }

        Title("Entreprises intéressées et suivi");
        foreach (var interest in dossier.Interests)
        {
            Line($"{interest.OrganisationName} ({Day(interest.CreatedAt)})", $"{interest.StatusLabel} - {interest.Message}");
        }

        foreach (var sheet in dossier.FollowUps)
        {
            Line($"Fiche de suivi {sheet.OrganisationName}", sheet.StatusLabel);
        }

        return pdf.ToBytes();
    }

    private static string Day(DateTimeOffset at) => ParisTime.DateOf(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
