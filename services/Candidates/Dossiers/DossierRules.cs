using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.Dossiers;

/// <summary>The rules of a dossier's fields, with their French messages; a valid request becomes normalised contents. Pure: no database.</summary>
public static partial class DossierRules
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 200;
    public const int LongTextMaxLength = 4_000;
    public const int ListMaxCount = 30;
    public const int SkillsMaxCount = 100;
    public const int MaximumDistanceKm = 1_000;
    public const int SalaryMaxCents = 100_000_000;

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex FrenchPostalCode();

    public static (DossierContentView? Content, ValidationErrors Errors) Validate(DossierRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var identification = Identification(errors, request.Identification, today);
        var context = Context(errors, request.Context, request.Identification?.BirthDate, today);
        var profile = Profile(errors, request.Profile);
        var project = Project(errors, request.Project);
        var consent = Consent(errors, request.Consent, now);
        return errors.IsEmpty
            ? (new DossierContentView(identification!, context!, profile!, project!, consent!), errors)
            : (null, errors);
    }

    /// <summary>The partner's adviser, when one is given: a name and a valid e-mail.</summary>
    public static AdviserView? Adviser(ValidationErrors errors, AdviserInput? input)
    {
        if (input is null)
        {
            return null;
        }

        var name = Required(errors, "adviser.name", input.Name, "Le nom du conseiller", NameMaxLength);
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("adviser.email", "Le courriel du conseiller est obligatoire : il est prévenu de chaque changement de statut.");
            return null;
        }

        if (email.Length > 254 || !EmailAddress.IsValid(email))
        {
            errors.Add("adviser.email", "Le courriel du conseiller n'est pas une adresse valide (par exemple prenom.nom@exemple.fr).");
            return null;
        }

        return name is null ? null : new AdviserView(name, email);
    }

    private static IdentificationView? Identification(ValidationErrors errors, IdentificationInput? input, DateOnly today)
    {
        if (input is null)
        {
            errors.Add("identification", "L'identification du candidat est obligatoire.");
            return null;
        }

        var firstName = Required(errors, "identification.firstName", input.FirstName, "Le prénom", NameMaxLength);
        var lastName = Required(errors, "identification.lastName", input.LastName, "Le nom", NameMaxLength);
        var reference = Optional(errors, "identification.partnerReference", input.PartnerReference, "Le matricule", NameMaxLength);
        var address = Address(errors, input.Address);
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("identification.email", "Le courriel du candidat est obligatoire : il est informé du traitement de ses données.");
        }
        else if (email.Length > 254 || !EmailAddress.IsValid(email))
        {
            errors.Add("identification.email", "Le courriel n'est pas une adresse valide (par exemple prenom.nom@exemple.fr).");
        }

        var phone = FrenchPhone.ToE164(errors, "identification.phone", input.Phone, "téléphone");
        if (input.BirthDate is { } birthDate)
        {
            var age = AgeOn(birthDate, today);
            errors.AddIf(birthDate >= today, "identification.birthDate", "La date de naissance doit être passée.");
            errors.AddIf(birthDate < today && age is < 15 or > 90, "identification.birthDate",
                "La date de naissance donne un âge hors de 15 à 90 ans : vérifiez-la.");
        }

        return firstName is null || lastName is null || address is null || email is null
            ? null
            : new IdentificationView(firstName, lastName, reference, address, email, phone, input.BirthDate);
    }

    private static PostalAddressView? Address(ValidationErrors errors, PostalAddressInput? input)
    {
        if (input is null)
        {
            errors.Add("identification.address", "L'adresse postale du candidat est obligatoire.");
            return null;
        }

        var street = Required(errors, "identification.address.street", input.Street, "L'adresse", TextMaxLength);
        var complement = Optional(errors, "identification.address.complement", input.Complement, "Le complément d'adresse", TextMaxLength);
        var postalCode = input.PostalCode?.Trim();
        if (string.IsNullOrEmpty(postalCode))
        {
            errors.Add("identification.address.postalCode", "Le code postal est obligatoire.");
            postalCode = null;
        }
        else if (!FrenchPostalCode().IsMatch(postalCode))
        {
            errors.Add("identification.address.postalCode", "Le code postal doit compter cinq chiffres (par exemple 67000).");
            postalCode = null;
        }

        var city = Required(errors, "identification.address.city", input.City, "La commune", TextMaxLength);
        return street is null || postalCode is null || city is null ? null : new PostalAddressView(street, complement, postalCode, city);
    }

    private static SearchContextView? Context(ValidationErrors errors, SearchContextInput? input, DateOnly? birthDate, DateOnly today)
    {
        var derived = birthDate is { } date && date < today ? AgeBandOf(AgeOn(date, today)) : null;
        var ageBand = input?.AgeBand?.Trim();
        if (string.IsNullOrEmpty(ageBand))
        {
            ageBand = derived;
            errors.AddIf(ageBand is null && birthDate is null, "context.ageBand",
                $"La tranche d'âge est obligatoire quand la date de naissance n'est pas donnée ({Choices(CandidateForm.AgeBands)}).");
        }
        else if (!CandidateForm.AgeBands.Contains(ageBand))
        {
            errors.Add("context.ageBand", $"La tranche d'âge doit être l'une de : {Choices(CandidateForm.AgeBands)}.");
        }
        else if (derived is not null && derived != ageBand)
        {
            errors.Add("context.ageBand", $"La tranche d'âge ne correspond pas à la date de naissance (qui donne « {derived} »).");
        }

        var activity = Optional(errors, "context.complementaryActivity", input?.ComplementaryActivity, "L'activité complémentaire", TextMaxLength);
        var situations = FromList(errors, "context.situations", input?.Situations, CandidateForm.Situations, "La situation vis-à-vis de l'emploi");
        return ageBand is null ? null : new SearchContextView(ageBand, activity, situations);
    }

    private static ProfileView? Profile(ValidationErrors errors, ProfileInput? input)
    {
        if (input is null)
        {
            errors.Add("profile", "Le profil professionnel est obligatoire (au moins le niveau de qualification).");
            return null;
        }

        var skills = Skills(errors, "profile.skills", input.Skills);

        var softSkills = Texts(errors, "profile.softSkills", input.SoftSkills, "Le savoir-être");
        var level = input.QualificationLevel?.Trim();
        if (string.IsNullOrEmpty(level))
        {
            errors.Add("profile.qualificationLevel", $"Le niveau de qualification est obligatoire ({Choices(CandidateForm.QualificationLevels)}).");
            level = null;
        }
        else if (!CandidateForm.QualificationLevels.Contains(level))
        {
            errors.Add("profile.qualificationLevel", $"Le niveau de qualification doit être l'un de : {Choices(CandidateForm.QualificationLevels)}.");
            level = null;
        }

        var diploma = Optional(errors, "profile.diploma", input.Diploma, "Le diplôme", TextMaxLength);
        errors.AddIf(input.ExperienceYears is < 0 or > 60, "profile.experienceYears", "Les années d'expérience doivent être comprises entre 0 et 60.");
        var experience = Optional(errors, "profile.experience", input.Experience, "L'expérience professionnelle", LongTextMaxLength);
        return level is null ? null : new ProfileView(skills, softSkills, level, diploma, input.ExperienceYears, experience);
    }

    /// <summary>A skills grid: each skill's kind, name and level (a language's on the CEFR scale), no skill twice.</summary>
    public static List<SkillView> Skills(ValidationErrors errors, string field, SkillInput[]? given)
    {
        var skills = new List<SkillView>();
        given ??= [];
        errors.AddIf(given.Length > SkillsMaxCount, field, $"Au plus {SkillsMaxCount} compétences.");
        for (var i = 0; i < Math.Min(given.Length, SkillsMaxCount); i++)
        {
            if (Skill(errors, $"{field}[{i}]", given[i]) is { } skill)
            {
                errors.AddIf(skills.Any(s => s.Kind == skill.Kind && string.Equals(s.Name, skill.Name, StringComparison.OrdinalIgnoreCase)),
                    $"{field}[{i}].name", $"La compétence « {skill.Name} » est donnée deux fois.");
                skills.Add(skill);
            }
        }

        return skills;
    }

    private static SkillView? Skill(ValidationErrors errors, string field, SkillInput? input)
    {
        if (input is null)
        {
            errors.Add(field, "Une compétence ne peut pas être vide.");
            return null;
        }

        var kind = input.Kind?.Trim();
        if (kind is null || !CandidateForm.SkillKinds.Contains(kind))
        {
            errors.Add($"{field}.kind", $"Le type de compétence doit être l'un de : {Choices(CandidateForm.SkillKinds)}.");
            kind = null;
        }

        var name = Required(errors, $"{field}.name", input.Name, "L'intitulé de la compétence", TextMaxLength);
        var levels = kind == CandidateForm.LanguageSkill ? CandidateForm.LanguageLevels : CandidateForm.SkillLevels;
        var level = input.Level?.Trim();
        if (level is null || !levels.Contains(level))
        {
            errors.Add($"{field}.level", kind == CandidateForm.LanguageSkill
                ? $"Le niveau d'une langue doit être l'un de : {Choices(levels)}."
                : $"Le niveau doit être l'un de : {Choices(levels)}.");
            level = null;
        }

        return kind is null || name is null || level is null ? null : new SkillView(kind, name, level);
    }

    private static ProjectView? Project(ValidationErrors errors, ProjectInput? input)
    {
        if (input is null)
        {
            errors.Add("project", "Le projet professionnel est obligatoire (au moins le métier recherché).");
            return null;
        }

        var jobs = Texts(errors, "project.targetJobs", input.TargetJobs, "Le métier recherché");
        errors.AddIf(jobs.Count == 0 && (input.TargetJobs ?? []).Length == 0, "project.targetJobs", "Indiquez au moins un métier recherché.");
        var companyTypes = FromList(errors, "project.companyTypes", input.CompanyTypes, CandidateForm.CompanyTypes, "Le type d'entreprise");
        var contractTypes = FromList(errors, "project.contractTypes", input.ContractTypes, CandidateForm.ContractTypes, "Le type de contrat");
        errors.AddIf(input.ExpectedAnnualGrossSalaryCents is < 0 or > SalaryMaxCents, "project.expectedAnnualGrossSalaryCents",
            "La prétention salariale (brut annuel, en centimes d'euro) doit être comprise entre 0 et 1 000 000 €.");
        var departements = FromList(errors, "project.mobility.departements", input.Mobility?.Departements, CandidateForm.Departements, "Le département");
        errors.AddIf(input.Mobility?.MaximumDistanceKm is < 0 or > MaximumDistanceKm, "project.mobility.maximumDistanceKm",
            $"La distance de mobilité doit être comprise entre 0 et {MaximumDistanceKm} km.");
        var development = Optional(errors, "project.skillsDevelopment", input.SkillsDevelopment, "Le développement des compétences envisagé", LongTextMaxLength);
        return new ProjectView(jobs, companyTypes, contractTypes, input.ExpectedAnnualGrossSalaryCents,
            new MobilityView(departements, input.Mobility?.MaximumDistanceKm), development);
    }

    private static ConsentView? Consent(ValidationErrors errors, ConsentInput? input, DateTimeOffset now)
    {
        var version = input?.NoticeVersion?.Trim();
        if (string.IsNullOrEmpty(version))
        {
            errors.Add("consent.noticeVersion",
                $"Indiquez la version des « {CandidateNotices.DataUseTitle} » dont le candidat a été informé (la version en vigueur : {CandidateNotices.CurrentDataUseVersion}).");
            return null;
        }

        if (!CandidateNotices.DataUseVersions.Contains(version))
        {
            errors.Add("consent.noticeVersion",
                $"La version « {version} » des conditions d'utilisation n'existe pas ; versions publiées : {string.Join(", ", CandidateNotices.DataUseVersions)}.");
            return null;
        }

        return new ConsentView(version, input!.SocialNetworkPromotion ?? false, now) { TalentPool = input.TalentPool ?? false };
    }

    public static string AgeBandOf(int age) => age < 26 ? CandidateForm.AgeBands[0] : age < 50 ? CandidateForm.AgeBands[1] : CandidateForm.AgeBands[2];

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>The key two dossiers of one person share whatever their spelling: the address, lower case.</summary>
    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    /// <summary>« DUPONT-Martin, Élodie, 1990-05-12 » and « dupont martin, elodie » meet: letters only, no accents, lower case.</summary>
    public static string? NameKey(string lastName, string firstName, DateOnly? birthDate) =>
        birthDate is { } date ? $"{Letters(lastName)}|{Letters(firstName)}|{date:yyyy-MM-dd}" : null;

    private static string Letters(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }

    public static string? Required(ValidationErrors errors, string field, string? value, string label, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, $"{label} est obligatoire.");
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
            return null;
        }

        return trimmed;
    }

    public static string? Optional(ValidationErrors errors, string field, string? value, string label, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        errors.AddIf(trimmed.Length > maxLength, field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    private static List<string> Texts(ValidationErrors errors, string field, string[]? values, string label)
    {
        var kept = new List<string>();
        var given = values ?? [];
        errors.AddIf(given.Length > ListMaxCount, field, $"Au plus {ListMaxCount} valeurs.");
        for (var i = 0; i < Math.Min(given.Length, ListMaxCount); i++)
        {
            var value = Required(errors, $"{field}[{i}]", given[i], label, TextMaxLength);
            if (value is not null && !kept.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(value);
            }
        }

        return kept;
    }

    private static List<string> FromList(ValidationErrors errors, string field, string[]? values, IReadOnlyList<string> allowed, string label)
    {
        var kept = new List<string>();
        var given = values ?? [];
        for (var i = 0; i < given.Length; i++)
        {
            var value = given[i]?.Trim();
            if (value is null || !allowed.Contains(value))
            {
                errors.Add($"{field}[{i}]", $"{label} « {given[i]} » n'est pas dans la liste : {Choices(allowed)}.");
            }
            else if (!kept.Contains(value))
            {
                kept.Add(value);
            }
        }

        return kept;
    }

    /// <summary>« « A », « B », « C » »: the values a list allows, as messages name them.</summary>
    internal static string Choices(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"« {v} »"));
}
