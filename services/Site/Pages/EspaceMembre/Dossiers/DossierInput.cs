using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Pages.EspaceMembre.Dossiers;

/// <summary>
/// The form of a dossier, shaped as the API's <see cref="DossierRequest"/> (the adviser's submission) and
/// <see cref="RectificationRequest"/> (the candidate's corrections, its four first sections): a field is named as its JSON
/// path (<c>identification.address.postalCode</c> is <c>Input.Identification.Address.PostalCode</c>), so that each of
/// the API's messages goes beside its field (see <see cref="FieldOf"/>). The API owns the rules; the form only
/// gathers what was typed: blank texts are not sent, nor the skills grid's empty rows.
/// </summary>
public sealed partial class DossierInput
{
    public const string Prefix = "Input";

    /// <summary>The key of <c>ViewData</c> by which the candidate's own page has the shared fields (_DossierFields) speak to them.</summary>
    public const string CandidateVoice = "DossierFields.CandidateVoice";

    public IdentificationFields Identification { get; set; } = new();

    public ContextFields Context { get; set; } = new();

    public ProfileFields Profile { get; set; } = new();

    public ProjectFields Project { get; set; } = new();

    public ConsentFields Consent { get; set; } = new();

    public AdviserFields Adviser { get; set; } = new();

    /// <summary>The request, and the row of the skills grid each skill sent came from.</summary>
    public (DossierRequest Request, IReadOnlyList<int> SkillRows) ToRequest()
    {
        var rows = FilledSkillRows();
        var request = new DossierRequest(
            IdentificationRequest(), ContextRequest(), ProfileRequest(rows), ProjectRequest(),
            new ConsentInput(Clean(Consent.NoticeVersion), Consent.SocialNetworkPromotion) { TalentPool = Consent.TalentPool })
        {
            // Left blank, the API makes the person who submits the dossier its adviser.
            Adviser = Clean(Adviser.Name) is null && Clean(Adviser.Email) is null ? null : new AdviserInput(Clean(Adviser.Name), Clean(Adviser.Email)),
        };
        return (request, rows);
    }

    /// <summary>The candidate's own corrections: the four sections, all sent (the consent and the adviser are not theirs to change here).</summary>
    public (RectificationRequest Request, IReadOnlyList<int> SkillRows) ToRectification()
    {
        var rows = FilledSkillRows();
        return (new RectificationRequest(IdentificationRequest(), ContextRequest(), ProfileRequest(rows), ProjectRequest()), rows);
    }

    /// <summary>
    /// The form filled with the dossier as it stands. The age band is left to the birth date when there is one (the API
    /// derives it), so that a birthday since the last update does not make the two disagree.
    /// </summary>
    public static DossierInput Of(DossierContentView content)
    {
        var who = content.Identification;
        var project = content.Project;
        return new DossierInput
        {
            Identification = new IdentificationFields
            {
                FirstName = who.FirstName,
                LastName = who.LastName,
                PartnerReference = who.PartnerReference,
                Address = new AddressFields { Street = who.Address.Street, Complement = who.Address.Complement, PostalCode = who.Address.PostalCode, City = who.Address.City },
                Email = who.Email,
                Phone = who.Phone,
                BirthDate = who.BirthDate,
            },
            Context = new ContextFields
            {
                AgeBand = who.BirthDate is null ? content.Context.AgeBand : null,
                ComplementaryActivity = content.Context.ComplementaryActivity,
                Situations = [.. content.Context.Situations],
            },
            Profile = new ProfileFields
            {
                Skills = [.. content.Profile.Skills.Select(skill => new SkillRow { Kind = skill.Kind, Name = skill.Name, Level = skill.Level })],
                SoftSkills = string.Join('\n', content.Profile.SoftSkills),
                QualificationLevel = content.Profile.QualificationLevel,
                Diploma = content.Profile.Diploma,
                ExperienceYears = content.Profile.ExperienceYears,
                Experience = content.Profile.Experience,
            },
            Project = new ProjectFields
            {
                TargetJobs = string.Join('\n', project.TargetJobs),
                CompanyTypes = [.. project.CompanyTypes],
                ContractTypes = [.. project.ContractTypes],
                ExpectedAnnualGrossSalaryEuros = project.ExpectedAnnualGrossSalaryCents is { } cents ? (int)Math.Round(cents / 100m) : null,
                Mobility = new MobilityFields { Departements = [.. project.Mobility.Departements], MaximumDistanceKm = project.Mobility.MaximumDistanceKm },
                SkillsDevelopment = project.SkillsDevelopment,
            },
        };
    }

    private List<int> FilledSkillRows() => [.. Enumerable.Range(0, Profile.Skills.Count).Where(row => !Profile.Skills[row].IsEmpty)];

    private IdentificationInput IdentificationRequest()
    {
        var identification = Identification;
        var address = identification.Address;
        return new IdentificationInput(
            Clean(identification.FirstName), Clean(identification.LastName), Clean(identification.PartnerReference),
            new PostalAddressInput(Clean(address.Street), Clean(address.Complement), Clean(address.PostalCode), Clean(address.City)),
            Clean(identification.Email), Clean(identification.Phone), identification.BirthDate);
    }

    private SearchContextInput ContextRequest() =>
        new(Clean(Context.AgeBand), Clean(Context.ComplementaryActivity), Distinct(Context.Situations));

    private ProfileInput ProfileRequest(IReadOnlyList<int> rows) =>
        new(
            [.. rows.Select(row => Profile.Skills[row]).Select(skill => new SkillInput(Clean(skill.Kind), Clean(skill.Name), Clean(skill.Level)))],
            Lines(Profile.SoftSkills), Clean(Profile.QualificationLevel), Clean(Profile.Diploma), Profile.ExperienceYears, Clean(Profile.Experience));

    private ProjectInput ProjectRequest()
    {
        var project = Project;
        return new ProjectInput(
            Lines(project.TargetJobs), Distinct(project.CompanyTypes), Distinct(project.ContractTypes),
            // Euros typed, cents sent; out of range, the API says its own bounds.
            project.ExpectedAnnualGrossSalaryEuros is { } euros ? (int)Math.Clamp(euros * 100L, int.MinValue, int.MaxValue) : null,
            new MobilityInput(Distinct(project.Mobility.Departements), project.Mobility.MaximumDistanceKm),
            Clean(project.SkillsDevelopment));
    }

    /// <summary>At least <paramref name="count"/> rows in the skills grid, the ones typed kept.</summary>
    public void PadSkills(int count)
    {
        while (Profile.Skills.Count < count)
        {
            Profile.Skills.Add(new SkillRow());
        }
    }

    /// <summary>
    /// Where the form shows the API's message about <paramref name="key"/>: <c>identification.address.postalCode</c> →
    /// <c>Input.Identification.Address.PostalCode</c>; <c>profile.skills[1].level</c> (the second skill sent) → the
    /// grid's row it came from (<c>Input.Profile.Skills[3].Level</c>); a value of a list (<c>context.situations[1]</c>,
    /// <c>profile.softSkills[0]</c>) → the list's field; the salary's cents → the euros typed; the notice's version → the
    /// box that says the candidate was informed of it. A key the form has no
    /// field for (the request's headers, a whole part) goes to the summary at the top (<c>""</c>).
    /// </summary>
    public static string FieldOf(string key, IReadOnlyList<int> skillRows)
    {
        var path = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        var skill = SkillKey().Match(path);
        if (skill.Success)
        {
            var index = int.Parse(skill.Groups["index"].Value, CultureInfo.InvariantCulture);
            return index < skillRows.Count && skill.Groups["field"].Success && Pascal(skill.Groups["field"].Value) is "Kind" or "Name" or "Level"
                ? $"{Prefix}.Profile.Skills[{skillRows[index]}].{Pascal(skill.Groups["field"].Value)}"
                : $"{Prefix}.Profile.Skills";
        }

        // A list's value is shown beside the list.
        var list = path.IndexOf('[', StringComparison.Ordinal);
        path = list >= 0 ? path[..list] : path;
        switch (path)
        {
            case "project.expectedAnnualGrossSalaryCents":
                return $"{Prefix}.Project.{nameof(ProjectFields.ExpectedAnnualGrossSalaryEuros)}";
            case "consent.noticeVersion":
                // The version is the form's, not typed: its message goes beside the box that says the candidate was informed of it.
                return $"{Prefix}.Consent.{nameof(ConsentFields.Informed)}";
        }

        var type = typeof(DossierInput);
        var names = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var property = segment.Length == 0 ? null : type.GetProperty(Pascal(segment), BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                return "";
            }

            names.Add(property.Name);
            type = property.PropertyType;
        }

        // A whole part (identification, project.mobility) has no field of its own.
        return names.Count > 0 && IsField(type) ? $"{Prefix}.{string.Join('.', names)}" : "";
    }

    private static bool IsField(Type type) =>
        type == typeof(string) || type == typeof(bool) || Nullable.GetUnderlyingType(type) is not null || type == typeof(List<string>)
        || type == typeof(List<SkillRow>);

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] Distinct(List<string> values) => [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal)];

    /// <summary>A text area of one value per line: its lines, trimmed, without the blank ones.</summary>
    private static string[] Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"^profile\.skills(\[(?<index>\d+)\](\.(?<field>\w+))?)?$")]
    private static partial Regex SkillKey();

    public sealed class IdentificationFields
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        /// <summary>« Matricule »: the partner's own reference for the person.</summary>
        public string? PartnerReference { get; set; }

        public AddressFields Address { get; set; } = new();

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public DateOnly? BirthDate { get; set; }
    }

    public sealed class AddressFields
    {
        public string? Street { get; set; }

        public string? Complement { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }
    }

    public sealed class ContextFields
    {
        public string? AgeBand { get; set; }

        public string? ComplementaryActivity { get; set; }

        public List<string> Situations { get; set; } = [];
    }

    public sealed class ProfileFields
    {
        public List<SkillRow> Skills { get; set; } = [];

        /// <summary>« Savoir-être », one per line.</summary>
        public string? SoftSkills { get; set; }

        public string? QualificationLevel { get; set; }

        public string? Diploma { get; set; }

        public int? ExperienceYears { get; set; }

        public string? Experience { get; set; }
    }

    public sealed class SkillRow
    {
        public string? Kind { get; set; }

        public string? Name { get; set; }

        public string? Level { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Level);
    }

    public sealed class ProjectFields
    {
        /// <summary>« Métiers visés », one per line.</summary>
        public string? TargetJobs { get; set; }

        public List<string> CompanyTypes { get; set; } = [];

        public List<string> ContractTypes { get; set; } = [];

        /// <summary>In whole euros (the API takes cents).</summary>
        public int? ExpectedAnnualGrossSalaryEuros { get; set; }

        public MobilityFields Mobility { get; set; } = new();

        public string? SkillsDevelopment { get; set; }
    }

    public sealed class MobilityFields
    {
        public List<string> Departements { get; set; } = [];

        public int? MaximumDistanceKm { get; set; }
    }

    public sealed class ConsentFields
    {
        /// <summary>The version of the notice shown on the form when it was rendered.</summary>
        public string? NoticeVersion { get; set; }

        /// <summary>« Le candidat a été informé… »: the form requires it, the API records the version.</summary>
        public bool Informed { get; set; }

        public bool SocialNetworkPromotion { get; set; }

        /// <summary>Separate and optional: once qualified employable, a pseudonymous card in the member companies' talent pool.</summary>
        public bool TalentPool { get; set; }
    }

    public sealed class AdviserFields
    {
        public string? Name { get; set; }

        public string? Email { get; set; }
    }
}
