using System.Globalization;
using Nege.Contracts.Api.Billing;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;

namespace Nege.Billing.Grids;

/// <summary>Who pays, as the grid needs to know it: what the application declared (or the referent confirmed at renewal).</summary>
/// <param name="Affiliated">Member of a structure of the « Organisation professionnelle » college (footnote 2).</param>
/// <param name="AffiliationName">That structure's name, when known.</param>
/// <param name="AgreedCents">A partner's fee set by the treasurer (null: not set yet, 0 €).</param>
public sealed record FeeSubject(
    string Category,
    bool DigitalSector,
    MembershipPerimeter Perimeter,
    bool Affiliated,
    string? AffiliationName = null,
    StartupFacts? Startup = null,
    long? AgreedCents = null);

/// <summary>
/// The seed's fee rules, line by line, each step written down so that the answer explains itself. Pure: the grid,
/// the year and the subject decide, nothing else.
/// </summary>
public static class FeeRules
{
    public const string GridBasis = "grid";
    public const string StartupBasis = "startup";
    public const string AgreementBasis = "agreement";

    /// <summary>Footnote 3: « créée depuis moins de 3 ans au 1er janvier de l'année en cours ».</summary>
    public const int StartupMaxAgeYears = 3;

    /// <summary>Footnote 3: « ayant moins de 10 salariés ».</summary>
    public const int StartupMaxHeadcount = 9;

    public static readonly IReadOnlyList<string> Territories = ["Alsace", "Champagne-Ardenne", "Lorraine"];

    /// <summary>The categories the grid applies to; the others (the partners) pay what their agreement with the association says.</summary>
    public static bool PaysByGrid(string category) =>
        category is "Entreprise" or MembershipForm.ProfessionalOrganisation;

    public static IEnumerable<(string Territory, int Headcount)> TerritoriesOf(MembershipPerimeter perimeter) =>
        [(Territories[0], perimeter.Alsace), (Territories[1], perimeter.ChampagneArdenne), (Territories[2], perimeter.Lorraine)];

    /// <summary>Footnote 3, both conditions: young enough on 1 January of the fee's year, and small (staff or turnover).</summary>
    public static bool IsStartup(StartupFacts startup, int year) =>
        startup.CreationDate > new DateOnly(year, 1, 1).AddYears(-StartupMaxAgeYears)
        && (startup.Headcount <= StartupMaxHeadcount || startup.TurnoverBand == MembershipForm.TurnoverBelowThreshold);

    public static FeeQuoteView Compute(int year, int gridYear, FeeGridContent grid, FeeSubject subject)
    {
        var lines = new List<FeeLineView> { new("Catégorie", subject.Category) };
        if (!PaysByGrid(subject.Category))
        {
            var agreed = subject.AgreedCents ?? 0;
            lines.Add(new FeeLineView("Cotisation", "fixée par convention avec l'association"));
            lines.Add(new FeeLineView($"Montant de la cotisation {year}", Money.Format(agreed)));
            return Quote(year, gridYear, AgreementBasis, agreed, band: null,
                $"{subject.Category} : cotisation fixée par convention avec l'association, {Money.Format(agreed)}", lines);
        }

        var sector = subject.DigitalSector ? "du secteur numérique" : "hors secteur numérique";
        lines.Add(new FeeLineView("Secteur", subject.DigitalSector ? "Numérique" : "Hors secteur numérique"));
        var staffWord = subject.DigitalSector ? "salariés" : "salariés exerçant un métier du numérique";
        foreach (var (territory, headcount) in TerritoriesOf(subject.Perimeter))
        {
            lines.Add(new FeeLineView(territory, headcount == 0 ? "0 (hors du périmètre)" : Staff(headcount, staffWord)));
        }

        var total = subject.Perimeter.Total;
        lines.Add(new FeeLineView("Total sur le périmètre", Staff(total, staffWord)));
        var affiliation = subject.Affiliated ? "affiliée" : "non affiliée";
        lines.Add(new FeeLineView("Affiliation à une organisation professionnelle membre",
            subject.Affiliated ? (subject.AffiliationName is { } name ? $"oui ({name})" : "oui") : "non"));

        var territories = string.Join(", ", TerritoriesOf(subject.Perimeter).Where(t => t.Headcount > 0).Select(t => $"{t.Territory} {t.Headcount}"));
        var who = $"{subject.Category} {sector}";

        if (subject.Startup is { } startup)
        {
            var created = startup.CreationDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            if (!subject.DigitalSector)
            {
                lines.Add(new FeeLineView("Start-up", "le tarif start-up ne s'applique qu'aux organismes du secteur numérique"));
            }
            else if (IsStartup(startup, year))
            {
                lines.Add(new FeeLineView("Start-up",
                    $"créée le {created}, moins de 3 ans au 1er janvier {year} ; {Staff(startup.Headcount, "salariés")}, chiffre d'affaires : {startup.TurnoverBand}"));
                var fees = grid.Startup;
                long amount;
                string tariff;
                if (!subject.Affiliated)
                {
                    amount = fees.StandardCents;
                    tariff = "tarif start-up";
                }
                else
                {
                    lines.Add(new FeeLineView("Pack Startup de Syntec Numérique", startup.SyntecStartupPack ? "souscrit" : "non souscrit"));
                    amount = startup.SyntecStartupPack ? fees.AffiliatedWithStartupPackCents : fees.AffiliatedCents;
                    tariff = startup.SyntecStartupPack ? "tarif start-up affiliée avec le pack Startup de Syntec Numérique" : "tarif start-up affiliée";
                }

                lines.Add(new FeeLineView(subject.Affiliated ? "Cotisation start-up organisme affilié" : "Cotisation start-up", Amount(amount)));
                lines.Add(new FeeLineView($"Montant de la cotisation {year}", Money.Format(amount)));
                return Quote(year, gridYear, StartupBasis, amount, band: "Startup",
                    $"{who}, start-up créée le {created}, {Staff(startup.Headcount, "salariés")}, {affiliation} : {tariff}, {Amount(amount)}", lines);
            }
            else
            {
                var why = startup.CreationDate <= new DateOnly(year, 1, 1).AddYears(-StartupMaxAgeYears)
                    ? $"créée le {created}, 3 ans ou plus au 1er janvier {year}"
                    : $"{Staff(startup.Headcount, "salariés")} et un chiffre d'affaires de 300 K€ ou plus";
                lines.Add(new FeeLineView("Start-up", $"{why} : la tranche s'applique"));
            }
        }

        var table = subject.DigitalSector ? grid.DigitalSector : grid.OtherSectors;
        var band = table.First(b => b.Contains(total));
        var cents = subject.Affiliated ? band.AffiliatedCents : band.StandardCents;
        lines.Add(new FeeLineView("Tranche", band.Label));
        lines.Add(new FeeLineView(subject.Affiliated ? "Cotisation annuelle organisme affilié" : "Cotisation annuelle standard", Money.Format(cents)));
        lines.Add(new FeeLineView($"Montant de la cotisation {year}", Money.Format(cents)));
        var perimeter = territories.Length > 0 ? $" ({territories})" : "";
        return Quote(year, gridYear, GridBasis, cents, band.Label,
            $"{who}, {Staff(total, staffWord)} sur le périmètre{perimeter}, {affiliation} : tranche {band.Label}, {Money.Format(cents)}", lines);
    }

    private static FeeQuoteView Quote(int year, int gridYear, string basis, long cents, string? band, string explanation, List<FeeLineView> lines) =>
        new(year, gridYear, basis, cents, Money.Format(cents), band, explanation, lines);

    private static string Amount(long cents) => cents == 0 ? "gratuit" : Money.Format(cents);

    /// <summary>« 0 salarié », « 1 salarié », « 26 salariés » (French keeps 0 and 1 singular).</summary>
    private static string Staff(int count, string plural)
    {
        var word = count > 1 ? plural : plural.Replace("salariés", "salarié", StringComparison.Ordinal);
        return $"{count.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ')} {word}";
    }
}
