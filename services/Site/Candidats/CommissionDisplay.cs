using System.Globalization;
using Nege.Contracts.Api.Candidates;
using Nege.Contracts.Candidates;

namespace Nege.Site.Candidats;

/// <summary>How the commission's pages write a dossier's values for people.</summary>
public static class CommissionDisplay
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The address of a dossier's page.</summary>
    public static string DossierPath(Guid id) => $"/espace-membre/commission/dossiers/{id}";

    public static string FullName(WorkQueueItem item) => $"{item.FirstName} {item.LastName}".Trim();

    public static string FullName(IdentificationView identification) => $"{identification.FirstName} {identification.LastName}".Trim();

    /// <summary>A status's code as people read it (« Déposé »…); « — » for none.</summary>
    public static string Status(string? code) => code is null ? "—" : DossierStatuses.Label(code);

    /// <summary>Integer euro cents as « 35 000 € ».</summary>
    public static string Euros(int cents)
    {
        var format = (NumberFormatInfo)French.NumberFormat.Clone();
        format.NumberGroupSeparator = "\u00A0";
        return (cents / 100m).ToString("#,0", format) + "\u00A0€";
    }

    public static string Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string List(IReadOnlyList<string> values) => values.Count == 0 ? "—" : string.Join(" ; ", values);

    public static string YesNo(bool value) => value ? "Oui" : "Non";

    /// <summary>« Sans activité depuis 16 jours ».</summary>
    public static string Idle(int days) => days switch
    {
        <= 0 => "Activité aujourd'hui",
        1 => "Sans activité depuis 1 jour",
        _ => $"Sans activité depuis {days} jours",
    };
}
