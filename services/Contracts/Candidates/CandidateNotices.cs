namespace Nege.Contracts.Candidates;

/// <summary>
/// The two texts of seed 004 that a candidate is informed of, as published on the site. A dossier records
/// the version of « Conditions d'utilisation des données personnelles des candidats » its candidate was
/// informed of; a new wording is a new version (added here, never edited in place), and its page stays
/// readable at its own address so that what a candidate was told can always be shown.
/// </summary>
public static class CandidateNotices
{
    /// <summary>« Conditions d'utilisation des données personnelles des candidats ».</summary>
    public const string DataUseTitle = "Conditions d'utilisation des données personnelles des candidats";

    /// <summary>« Engagement de collaboration du candidat ».</summary>
    public const string CollaborationTitle = "Engagement de collaboration du candidat";

    /// <summary>The version a new dossier is informed of by default.</summary>
    public const string CurrentDataUseVersion = "2026-12";

    public const string CurrentCollaborationVersion = "2026-12";

    /// <summary>Every version of the data-use notice ever published, oldest first.</summary>
    public static readonly IReadOnlyList<string> DataUseVersions = [CurrentDataUseVersion];

    public static readonly IReadOnlyList<string> CollaborationVersions = [CurrentCollaborationVersion];

    /// <summary>The public page of a version of the data-use notice, relative to the site's root.</summary>
    public static string DataUsePath(string version) => $"/candidats/donnees-personnelles/{version}";

    public static string CollaborationPath(string version) => $"/candidats/engagement/{version}";

    /// <summary>Months a dossier is kept after its last update (seed 004: « 36 mois »).</summary>
    public const int RetentionMonths = 36;
}
