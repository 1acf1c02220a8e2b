using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Candidates.Dossiers;

public sealed class TerritoryOptions
{
    public const string Section = "Candidates:Territories";

    /// <summary>
    /// The commission the Territoire de Belfort (90) goes to: it is outside the three territories, and
    /// Alsace is its neighbour. Empty: its dossiers wait in the admins' queue like any other outside.
    /// </summary>
    public string? Belfort { get; set; } = CandidateForm.Alsace;
}

/// <summary>A dossier goes to the territorial commission of its candidate's postal code (seed 000's départements).</summary>
public static class TerritoryRouting
{
    private static readonly Dictionary<string, string> ByDepartement = new(StringComparer.Ordinal)
    {
        ["67"] = CandidateForm.Alsace,
        ["68"] = CandidateForm.Alsace,
        ["54"] = CandidateForm.Lorraine,
        ["55"] = CandidateForm.Lorraine,
        ["57"] = CandidateForm.Lorraine,
        ["88"] = CandidateForm.Lorraine,
        ["08"] = CandidateForm.ChampagneArdenne,
        ["10"] = CandidateForm.ChampagneArdenne,
        ["51"] = CandidateForm.ChampagneArdenne,
        ["52"] = CandidateForm.ChampagneArdenne,
    };

    /// <summary>
    /// The territory of a dossier whose contents change: the same while the postal code is the same (an admin may have
    /// dispatched it by hand), that of the new postal code otherwise, or the same when the new one is outside them all.
    /// </summary>
    public static string? TerritoryAfterChange(Dossier dossier, DossierContentView content, TerritoryOptions options) =>
        content.Identification.Address.PostalCode == dossier.Content.Identification.Address.PostalCode
            ? dossier.Territory
            : TerritoryOf(content.Identification.Address.PostalCode, options) ?? dossier.Territory;

    /// <summary>The territory of a French postal code, or null: outside them all, the admins dispatch it.</summary>
    public static string? TerritoryOf(string postalCode, TerritoryOptions options)
    {
        var departement = postalCode[..2];
        if (departement == "90")
        {
            return string.IsNullOrWhiteSpace(options.Belfort) ? null : options.Belfort;
        }

        return ByDepartement.GetValueOrDefault(departement);
    }
}
