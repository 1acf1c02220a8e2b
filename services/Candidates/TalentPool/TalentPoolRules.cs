using System.Globalization;
using System.Text.RegularExpressions;
using Nege.Candidates.Dossiers;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;
using Nege.ServiceDefaults.Http;

namespace Nege.Candidates.TalentPool;

/// <summary>What a publication must say, and what a card must never say.</summary>
public static partial class TalentPoolRules
{
    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NonLetters();

    public const int SummaryMaxLength = 2_000;

    /// <summary>How far ahead a candidate's availability may be given.</summary>
    public const int AvailabilityMaxDaysAhead = 366;

    public static (string? Summary, DateOnly? AvailableFrom, ValidationErrors Errors) ValidatePublication(
        PublicationRequest request, Dossier dossier, DateOnly today)
    {
        var errors = new ValidationErrors();
        var summary = DossierRules.Required(errors, "summary", request.Summary, "Le résumé des compétences et de l'expérience", SummaryMaxLength);
        if (summary is not null && Identifies(summary, dossier.Content.Identification) is { } what)
        {
            errors.Add("summary", $"Le résumé contient {what} du candidat : la fiche du vivier est anonyme (prénom seulement, ni nom ni coordonnées).");
        }

        var from = request.AvailableFrom;
        errors.AddIf(from < today, "availableFrom", "La date de disponibilité ne peut pas être passée ; laissez-la vide si le candidat est disponible tout de suite.");
        errors.AddIf(from > today.AddDays(AvailabilityMaxDaysAhead), "availableFrom", $"La date de disponibilité doit être dans les {AvailabilityMaxDaysAhead} jours qui viennent.");
        return (summary, from is { } day && day > today ? day : null, errors);
    }

    /// <summary>Which identifying datum a text holds (the last name, the e-mail address, the phone number), as the message names it; else null.</summary>
    public static string? Identifies(string text, IdentificationView identification)
    {
        var words = Words(text);
        var lastName = Words(identification.LastName);
        if (lastName.Count > 0 && ContainsSequence(words, lastName))
        {
            return "le nom de famille";
        }

        if (text.Contains(identification.Email, StringComparison.OrdinalIgnoreCase))
        {
            return "l'adresse électronique";
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var phone = identification.Phone is { } e164 ? new string([.. e164.Where(char.IsAsciiDigit)]) : null;
        // +33 6 12 34 56 78 is written 06 12 34 56 78 in France: compare the last nine digits.
        return phone is { Length: >= 9 } && digits.Contains(phone[^9..], StringComparison.Ordinal) ? "le numéro de téléphone" : null;
    }

    private static List<string> Words(string text) =>
        [.. NonLetters().Split(text).Where(w => w.Length > 0).Select(FrenchSearchText.Key)];

    private static bool ContainsSequence(List<string> words, List<string> sequence) =>
        Enumerable.Range(0, Math.Max(0, words.Count - sequence.Count + 1)).Any(i => words.Skip(i).Take(sequence.Count).SequenceEqual(sequence));

    public static AvailabilityView Availability(DateOnly? from) =>
        from is { } day
            ? new AvailabilityView(day, $"À partir du {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}")
            : new AvailabilityView(null, "Immédiate");

    /// <summary>An availability day that has come is « Immédiate ».</summary>
    public static TalentCardView View(TalentCard card, DateOnly today) => new(
        card.Id,
        card.FirstName,
        card.TargetJobs,
        card.Skills,
        card.SoftSkills,
        card.Summary,
        card.ExperienceYears,
        card.QualificationLevel,
        card.Territory,
        new MobilityView(card.Departements, card.MaximumDistanceKm),
        card.ContractTypes,
        Availability(card.AvailableFrom > today ? card.AvailableFrom : null),
        new DossierStatusView(DossierLifeCycle.Code(card.Status), DossierLifeCycle.Label(card.Status), card.UpdatedAt),
        card.PublishedAt);

    /// <summary>The sort orders of a search.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "date"];

    public static IReadOnlyList<string> QualificationLevels => CandidateForm.QualificationLevels;
}
