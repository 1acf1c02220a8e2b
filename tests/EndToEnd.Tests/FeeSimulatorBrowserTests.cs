using Microsoft.Playwright;

namespace EndToEnd.Tests;

/// <summary>« Combien coûte l'adhésion » in a browser, through the gateway: the seed's grid, and the simulator answering in French.</summary>
[Collection(SystemCollection.Name)]
public sealed class FeeSimulatorBrowserTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task A_visitor_reads_the_grid_and_the_simulator_explains_the_fee()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{system.GatewayUrl}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Combien coûte l'adhésion" }).First.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grille de cotisation 2019" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("1 152 €");

        await page.Locator("#Category").SelectOptionAsync("Entreprise");
        await page.Locator("#DigitalSector-0").CheckAsync();
        await page.Locator("#Alsace").FillAsync("12");
        await page.Locator("#ChampagneArdenne").FillAsync("14");
        await page.Locator("#Lorraine").FillAsync("0");
        await page.Locator("#Affiliated-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer ma cotisation" }).ClickAsync();

        await Assertions.Expect(page.Locator(".explication")).ToHaveTextAsync(
            "Entreprise du secteur numérique, 26 salariés sur le périmètre (Alsace 12, Champagne-Ardenne 14), non affiliée : tranche 25 à 50, 672 €");

        // An affiliated start-up with the Syntec Numérique pack is free.
        await page.Locator("#Affiliated-0").CheckAsync();
        await page.Locator("#StartupCreatedOn").FillAsync(DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#StartupHeadcount").FillAsync("4");
        await page.Locator("#StartupTurnover").SelectOptionAsync("Moins de 300 K€");
        await page.Locator("#StartupPack").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer ma cotisation" }).ClickAsync();

        await Assertions.Expect(page.Locator(".explication")).ToContainTextAsync("tarif start-up affiliée avec le pack Startup de Syntec Numérique, gratuit");
    }
}
