using Microsoft.Playwright;

namespace EndToEnd.Tests;

/// <summary>
/// A test class that drives Debian's Chromium (headless, <c>/usr/bin/chromium</c>, installed by
/// <c>./nege test</c>) with Playwright's own driver: no browser download.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A fresh page logged in on the site through the identity server's login page.</summary>
    protected async Task<IPage> LogInAsync(string gatewayUrl, string login, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{gatewayUrl}/connexion");
        await page.GetByLabel("Adresse de courriel ou nom d'utilisateur").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Connecté :");
        return page;
    }

    /// <summary>A fresh page in a context of its own (its own cookies), in French.</summary>
    protected async Task<IPage> NewPageAsync() =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR" })).NewPageAsync();

    /// <summary>A fresh page in a context of its own, in French, whose pages run no script: a visitor without JavaScript.</summary>
    protected async Task<IPage> NewPageWithoutJavaScriptAsync() =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", JavaScriptEnabled = false })).NewPageAsync();
}
