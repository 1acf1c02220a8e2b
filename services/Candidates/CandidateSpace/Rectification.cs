using System.Text.Json;
using Nege.Contracts.Api.Candidates;

namespace Nege.Candidates.CandidateSpace;

/// <summary>
/// The candidate's rectification: the sections they send replace those of the dossier, the others are kept as they
/// are, and the whole is checked by the same rules as a partner's dossier. The consents are not part of it.
/// </summary>
public static class Rectification
{
    public const string IdentificationSection = "Identification et coordonnées";
    public const string ContextSection = "Contexte de recherche d'emploi";
    public const string ProfileSection = "Profil professionnel";
    public const string ProjectSection = "Projet professionnel";

    public static bool IsEmpty(RectificationRequest request) =>
        request.Identification is null && request.Context is null && request.Profile is null && request.Project is null;

    /// <summary>The dossier as it would be, written as a partner's request (so that it is validated the same way).</summary>
    public static DossierRequest Merge(RectificationRequest request, DossierContentView current)
    {
        var identification = request.Identification ?? Input(current.Identification);
        // A kept context re-derives its age band from the birth date when there is one: the band may have changed with a birthday.
        var context = request.Context ?? new SearchContextInput(
            identification.BirthDate is null ? current.Context.AgeBand : null, current.Context.ComplementaryActivity, [.. current.Context.Situations]);
        return new DossierRequest(
            identification,
            context,
            request.Profile ?? Input(current.Profile),
            request.Project ?? Input(current.Project),
            new ConsentInput(current.Consent.NoticeVersion, current.Consent.SocialNetworkPromotion) { TalentPool = current.Consent.TalentPool });
    }

    /// <summary>The French names of the sections whose contents differ.</summary>
    public static IReadOnlyList<string> ChangedSections(DossierContentView before, DossierContentView after)
    {
        var changed = new List<string>();
        void Compare<T>(T a, T b, string name)
        {
            if (!JsonSerializer.Serialize(a).Equals(JsonSerializer.Serialize(b), StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }

        Compare(before.Identification, after.Identification, IdentificationSection);
        Compare(before.Context, after.Context, ContextSection);
        Compare(before.Profile, after.Profile, ProfileSection);
        Compare(before.Project, after.Project, ProjectSection);
        return changed;
    }

    public static IdentificationInput Input(IdentificationView identification) => new(
        identification.FirstName,
        identification.LastName,
        identification.PartnerReference,
        new PostalAddressInput(identification.Address.Street, identification.Address.Complement, identification.Address.PostalCode, identification.Address.City),
        identification.Email,
        identification.Phone,
        identification.BirthDate);

    public static ProfileInput Input(ProfileView profile) => new(
        [.. profile.Skills.Select(s => new SkillInput(s.Kind, s.Name, s.Level))],
        [.. profile.SoftSkills],
        profile.QualificationLevel,
        profile.Diploma,
        profile.ExperienceYears,
        profile.Experience);

    public static ProjectInput Input(ProjectView project) => new(
        [.. project.TargetJobs],
        [.. project.CompanyTypes],
        [.. project.ContractTypes],
        project.ExpectedAnnualGrossSalaryCents,
        new MobilityInput([.. project.Mobility.Departements], project.Mobility.MaximumDistanceKm),
        project.SkillsDevelopment);
}
