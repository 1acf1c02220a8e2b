using Nege.Contracts.Candidates;

namespace Nege.Site.Candidats;

/// <summary>
/// One of seed 004's two candidate notices as the site publishes it. Each version's text is its own file,
/// <c>Candidats/Notices/{Slug}-{version}.cshtml</c>: a new wording is a new file (and a new version in
/// <see cref="CandidateNotices"/>), and the earlier ones stay readable at their own address.
/// </summary>
public sealed class CandidateNotice
{
    public static readonly CandidateNotice DataUse = new(CandidateNotices.DataUseTitle, "donnees-personnelles",
        CandidateNotices.DataUseVersions, CandidateNotices.CurrentDataUseVersion, CandidateNotices.DataUsePath);

    public static readonly CandidateNotice Collaboration = new(CandidateNotices.CollaborationTitle, "engagement",
        CandidateNotices.CollaborationVersions, CandidateNotices.CurrentCollaborationVersion, CandidateNotices.CollaborationPath);

    private readonly Func<string, string> path;

    private CandidateNotice(string title, string slug, IReadOnlyList<string> versions, string currentVersion, Func<string, string> path)
    {
        Title = title;
        Slug = slug;
        Versions = versions;
        CurrentVersion = currentVersion;
        this.path = path;
    }

    public string Title { get; }

    /// <summary>The notice's part of its address, and of its text files' names.</summary>
    public string Slug { get; }

    public IReadOnlyList<string> Versions { get; }

    public string CurrentVersion { get; }

    /// <summary>The address without a version, which shows the current version.</summary>
    public string CurrentPath => path("").TrimEnd('/');

    /// <summary>The permanent address of <paramref name="version"/>.</summary>
    public string PathOf(string version) => path(version);

    public bool Publishes(string version) => Versions.Contains(version, StringComparer.Ordinal);

    /// <summary>The partial view that holds the text of <paramref name="version"/>, one of <see cref="Versions"/>.</summary>
    public string TextView(string version) => $"/Candidats/Notices/{Slug}-{version}.cshtml";
}
