using System.Globalization;
using Nege.ServiceDefaults.Data;

namespace Nege.Site.Candidats;

/// <summary>How the audit log of personal-data reads reads in French.</summary>
public static class PersonalDataAuditDisplay
{
    public const string Path = "/espace-membre/donnees-personnelles";

    public const string ExportPath = Path + "/export";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>What was read (Candidates' <c>what</c>), as the officer reads it.</summary>
    public static readonly IReadOnlyDictionary<string, string> WhatLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dossier"] = "Dossier",
        ["health_data"] = "Donnée de santé (RQTH/BOE)",
        ["document"] = "Document",
        ["contact"] = "Coordonnées (entreprise)",
        ["export"] = "Export",
    };

    /// <summary>A kind of read unknown to the site shows as Candidates writes it.</summary>
    public static string What(string what) => WhatLabels.TryGetValue(what, out var label) ? label : what;

    /// <summary>« dd/MM/yyyy HH:mm », Paris time.</summary>
    public static string At(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ParisTime.Zone).ToString("dd/MM/yyyy HH:mm", French);
}
