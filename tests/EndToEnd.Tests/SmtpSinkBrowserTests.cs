using System.Net.Http.Json;
using Microsoft.Playwright;

namespace EndToEnd.Tests;

/// <summary>The SMTP sink's web UI, opened in a browser as a developer or a tester does: the e-mail the platform sent is there, with its link.</summary>
[Collection(SystemCollection.Name)]
public sealed class SmtpSinkBrowserTests(RunningSystem system) : BrowserTest
{
    [Fact]
    public async Task The_sink_web_UI_shows_the_email_sent_after_part_1_with_its_link()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"boite-{suffix}@exemple.fr";
        using (var created = await system.Gateway.PostAsJsonAsync("/api/membership/application-drafts", new
        {
            email, userName = $"boite.{suffix}", civility = "Monsieur", lastName = $"Boîte{suffix}", firstName = "Léon", consent = true,
        }))
        {
            created.EnsureSuccessStatusCode();
        }

        var sent = await system.Sink.WaitForRecipientAsync(email, Identities.MailTimeout);
        var page = await NewPageAsync();
        await page.GotoAsync(system.SinkWebUrl.ToString());

        // The list shows the e-mail by its recipient; opening it shows its body and the link it carries.
        var row = page.GetByText(email).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await row.ClickAsync();
        var body = page.Locator("iframe").First.ContentFrame.Locator("body");
        await Assertions.Expect(body).ToContainTextAsync("Numéric'Emploi", new() { Timeout = 30_000 });
        var link = Identities.LinkIn(sent);
        await Assertions.Expect(page.Locator("iframe").First.ContentFrame.Locator($"a[href='{link}']").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
