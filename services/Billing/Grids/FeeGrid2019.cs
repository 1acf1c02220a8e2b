using Nege.Contracts.Billing;

namespace Nege.Billing.Grids;

/// <summary>« Grille de cotisation 2019 », as seed 000 gives it (« Combien coute l'adhésion »), with its five footnotes.</summary>
public static class FeeGrid2019
{
    public const int Year = 2019;

    public static readonly DateTimeOffset PublishedAt = new(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    public static readonly FeeGridContent Content = new(
        DigitalSector:
        [
            Band(0, 9, "< 10", 192, 96),
            Band(10, 24, "10 à 24", 384, 192),
            Band(25, 50, "25 à 50", 672, 336),
            Band(51, 100, "51 à 100", 1_152, 576),
            Band(101, 250, "De 101 à 250", 1_824, 912),
            Band(251, 500, "De 251 à 500", 3_300, 1_650),
            Band(501, 1000, "501 à 1000", 6_000, 3_000),
            Band(1001, null, "Plus de 1000", 12_000, 6_000),
        ],
        OtherSectors:
        [
            Band(0, 9, "< 10", 384, 192),
            Band(10, 24, "10 à 24", 768, 384),
            Band(25, 50, "25 à 50", 1_344, 672),
            Band(51, 100, "51 à 100", 2_304, 1_152),
            Band(101, 250, "De 101 à 250", 3_648, 1_824),
            Band(251, 500, "De 251 à 500", 6_600, 3_300),
            Band(501, 1000, "501 à 1000", 12_000, 6_000),
            Band(1001, null, "Plus de 1000", 24_000, 12_000),
        ],
        Startup: new StartupFees(Money.Cents(120), Money.Cents(60), AffiliatedWithStartupPackCents: 0));

    private static FeeBand Band(int from, int? to, string label, int standardEuros, int affiliatedEuros) =>
        new(from, to, label, Money.Cents(standardEuros), Money.Cents(affiliatedEuros));
}

/// <summary>The words of the grid's tables and footnotes, as the seed writes them.</summary>
public static class FeeGridTexts
{
    public const string DigitalSectorTitle = "Organismes du secteur numérique";
    public const string OtherSectorsTitle = "Organismes hors secteur numérique";
    public const string DigitalSectorHeadcount = "Nombre de salariés sur la région (1)";
    public const string OtherSectorsHeadcount = "Nombre de salariés exerçant un métier du numérique sur la région (5)";

    public static readonly IReadOnlyList<string> Footnotes =
    [
        "(1) Selon le nombre total de salariés dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
        "(2) organisme adhérent à une des structures membres du collège Organisation professionnelle de l'association (voir dans la rubrique Partenaire du site grand-est.numerique-emploi.org)",
        "(3) une startup est une entreprise créée depuis moins de 3 ans au 1er janvier de l'année en cours, ayant moins de 10 salariés ou un Chiffre d'Affaires < 300 K€",
        "(4) si la startup a souscrit le pack Startup de Syntec numérique",
        "(5) Selon le nombre total de salariés exerçant un métier du numérique dans les territoires (Alsace, Lorraine, Champagne-Ardenne) où l'entreprise souhaite bénéficier des services de l'association",
    ];
}
