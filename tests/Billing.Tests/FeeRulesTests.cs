using Nege.Billing.Grids;
using Nege.Contracts.Membership;

namespace Billing.Tests;

/// <summary>Seed 000's « Grille de cotisation 2019 » and its five footnotes, rule by rule.</summary>
public sealed class FeeRulesTests
{
    private const int Year = 2027;

    private static FeeSubject Company(bool digital, int alsace, int champagneArdenne = 0, int lorraine = 0, bool affiliated = false, StartupFacts? startup = null) =>
        new("Entreprise", digital, new MembershipPerimeter(alsace, champagneArdenne, lorraine), affiliated, affiliated ? "Syntec Numérique" : null, startup);

    private static long Euros(FeeSubject subject) => FeeRules.Compute(Year, 2019, FeeGrid2019.Content, subject).AmountCents / 100;

    // « Organismes du secteur numérique » by staff in the region: every band's first and last headcount, both columns.
    [Theory]
    [InlineData(0, 192, 96)]
    [InlineData(9, 192, 96)]
    [InlineData(10, 384, 192)]
    [InlineData(24, 384, 192)]
    [InlineData(25, 672, 336)]
    [InlineData(50, 672, 336)]
    [InlineData(51, 1152, 576)]
    [InlineData(100, 1152, 576)]
    [InlineData(101, 1824, 912)]
    [InlineData(250, 1824, 912)]
    [InlineData(251, 3300, 1650)]
    [InlineData(500, 3300, 1650)]
    [InlineData(501, 6000, 3000)]
    [InlineData(1000, 6000, 3000)]
    [InlineData(1001, 12000, 6000)]
    [InlineData(25000, 12000, 6000)]
    public void Digital_sector_pays_the_band_of_its_staff_on_the_perimeter(int headcount, long standard, long affiliated)
    {
        Assert.Equal(standard, Euros(Company(digital: true, headcount)));
        Assert.Equal(affiliated, Euros(Company(digital: true, headcount, affiliated: true)));
    }

    // « Organismes hors secteur numérique » by staff in digital jobs in the region.
    [Theory]
    [InlineData(0, 384, 192)]
    [InlineData(9, 384, 192)]
    [InlineData(10, 768, 384)]
    [InlineData(24, 768, 384)]
    [InlineData(25, 1344, 672)]
    [InlineData(50, 1344, 672)]
    [InlineData(51, 2304, 1152)]
    [InlineData(100, 2304, 1152)]
    [InlineData(101, 3648, 1824)]
    [InlineData(250, 3648, 1824)]
    [InlineData(251, 6600, 3300)]
    [InlineData(500, 6600, 3300)]
    [InlineData(501, 12000, 6000)]
    [InlineData(1000, 12000, 6000)]
    [InlineData(1001, 24000, 12000)]
    public void Other_sectors_pay_the_band_of_their_staff_in_digital_jobs(int headcount, long standard, long affiliated)
    {
        Assert.Equal(standard, Euros(Company(digital: false, headcount)));
        Assert.Equal(affiliated, Euros(Company(digital: false, headcount, affiliated: true)));
    }

    // Footnotes 1 and 5: the total of the territories where it wants the association's services; a territory at 0 adds nothing.
    [Theory]
    [InlineData(12, 14, 0, 672)]
    [InlineData(0, 14, 0, 384)]
    [InlineData(0, 0, 0, 192)]
    [InlineData(9, 0, 1, 384)]
    [InlineData(8, 1, 0, 192)]
    [InlineData(20, 20, 11, 1152)]
    [InlineData(0, 0, 1001, 12000)]
    public void The_headcount_is_the_sum_of_the_perimeters_territories(int alsace, int champagneArdenne, int lorraine, long euros) =>
        Assert.Equal(euros, Euros(Company(digital: true, alsace, champagneArdenne, lorraine)));

    [Fact]
    public void The_answer_explains_itself_in_the_issues_words()
    {
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: true, 12, 14));

        Assert.Equal("Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €", quote.Explanation);
        Assert.Equal("grid", quote.Basis);
        Assert.Equal("25 à 50", quote.Band);
        Assert.Equal("672 €", quote.Amount);
        Assert.Contains(quote.Lines, line => line is { Label: "Lorraine", Value: "0 (hors du périmètre)" });
        Assert.Contains(quote.Lines, line => line is { Label: "Total sur le périmètre", Value: "26 salariés" });
        Assert.Contains(quote.Lines, line => line is { Label: "Cotisation annuelle standard", Value: "672 €" });
    }

    [Fact]
    public void Other_sectors_and_affiliated_members_say_so()
    {
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: false, 0, 0, 1, affiliated: true));

        Assert.Equal("Entreprise hors secteur numérique, 1 salarié exerçant un métier du numérique sur le périmètre (Lorraine 1), affiliée : tranche < 10, 192 €",
            quote.Explanation);
        Assert.Contains(quote.Lines, line => line is { Label: "Affiliation à une organisation professionnelle membre", Value: "oui (Syntec Numérique)" });
        Assert.Contains(quote.Lines, line => line is { Label: "Cotisation annuelle organisme affilié", Value: "192 €" });
    }

    [Fact]
    public void An_empty_perimeter_is_the_first_band_and_says_no_staff()
    {
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: true, 0));

        Assert.Equal("Entreprise du secteur numérique, 0 salarié sur le périmètre, non affiliée : tranche < 10, 192 €", quote.Explanation);
    }

    // Footnotes 3 and 4, for a fee of 2027: « créée depuis moins de 3 ans au 1er janvier » (after 1 January 2024), and fewer
    // than 10 staff or a turnover under 300 K€; 120 €, affiliated 60 €, free with the Syntec Numérique start-up pack.
    [Theory]
    [InlineData("2024-01-02", 4, "300 K€ ou plus", false, false, 120, "startup")]
    [InlineData("2024-01-01", 4, "Moins de 300 K€", false, false, 192, "grid")]
    [InlineData("2023-06-30", 2, "Moins de 300 K€", false, false, 192, "grid")]
    [InlineData("2025-06-01", 12, "Moins de 300 K€", false, false, 120, "startup")]
    [InlineData("2025-06-01", 12, "300 K€ ou plus", false, false, 192, "grid")]
    [InlineData("2025-06-01", 9, "300 K€ ou plus", false, false, 120, "startup")]
    [InlineData("2025-06-01", 10, "300 K€ ou plus", false, false, 192, "grid")]
    [InlineData("2027-03-01", 1, "Moins de 300 K€", false, false, 120, "startup")]
    [InlineData("2025-06-01", 4, "Moins de 300 K€", true, true, 0, "startup")]
    [InlineData("2025-06-01", 4, "Moins de 300 K€", true, false, 60, "startup")]
    [InlineData("2024-01-01", 4, "Moins de 300 K€", true, true, 96, "grid")]
    public void A_start_up_of_the_digital_sector_pays_the_start_up_row(
        string created, int staff, string turnover, bool affiliated, bool pack, long euros, string basis)
    {
        var startup = new StartupFacts(DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture), staff, turnover, pack);
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: true, 5, affiliated: affiliated, startup: startup));

        Assert.Equal(euros * 100, quote.AmountCents);
        Assert.Equal(basis, quote.Basis);
        Assert.Contains(quote.Lines, line => line.Label == "Start-up");
    }

    [Fact]
    public void A_free_start_up_says_why()
    {
        var startup = new StartupFacts(new DateOnly(2025, 6, 1), 4, "Moins de 300 K€", SyntecStartupPack: true);
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: true, 4, affiliated: true, startup: startup));

        Assert.Equal("Entreprise du secteur numérique, start-up créée le 01/06/2025, 4 salariés, affiliée : tarif start-up affiliée avec le pack Startup de Syntec Numérique, gratuit",
            quote.Explanation);
        Assert.Contains(quote.Lines, line => line is { Label: "Pack Startup de Syntec Numérique", Value: "souscrit" });
    }

    [Fact]
    public void The_start_up_row_is_only_in_the_digital_sectors_table()
    {
        var startup = new StartupFacts(new DateOnly(2025, 6, 1), 4, "Moins de 300 K€", SyntecStartupPack: false);
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, Company(digital: false, 4, startup: startup));

        Assert.Equal(384_00, quote.AmountCents);
        Assert.Contains(quote.Lines, line => line is { Label: "Start-up", Value: "le tarif start-up ne s'applique qu'aux organismes du secteur numérique" });
    }

    [Theory]
    [InlineData("Partenaire emploi")]
    [InlineData("Partenaire formation")]
    [InlineData("Partenaire Soutien")]
    public void Partners_pay_by_agreement_and_the_call_says_so(string category)
    {
        var unset = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, new FeeSubject(category, true, new MembershipPerimeter(500, 0, 0), false));
        var agreed = FeeRules.Compute(Year, 2019, FeeGrid2019.Content, new FeeSubject(category, true, new MembershipPerimeter(500, 0, 0), false, AgreedCents: 50_000));

        Assert.Equal((0, "agreement"), (unset.AmountCents, unset.Basis));
        Assert.Equal($"{category} : cotisation fixée par convention avec l'association, 0 €", unset.Explanation);
        Assert.Equal(50_000, agreed.AmountCents);
        Assert.Contains(agreed.Lines, line => line is { Label: "Cotisation", Value: "fixée par convention avec l'association" });
    }

    [Fact]
    public void A_professional_organisation_pays_by_the_grid()
    {
        var quote = FeeRules.Compute(Year, 2019, FeeGrid2019.Content,
            new FeeSubject(MembershipForm.ProfessionalOrganisation, true, new MembershipPerimeter(30, 0, 0), false));

        Assert.Equal((672_00L, "grid"), (quote.AmountCents, quote.Basis));
    }

    [Theory]
    [InlineData(0, 9, "< 10")]
    [InlineData(10, 24, "10 à 24")]
    [InlineData(1001, null, "Plus de 1000")]
    public void A_new_band_without_label_is_written_in_the_seeds_manner(int from, int? to, string label) => Assert.Equal(label, FeeBand.LabelFor(from, to));
}
