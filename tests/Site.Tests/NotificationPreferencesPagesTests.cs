using System.Net;
using System.Text.Json;
using Nege.Contracts.Membership;

namespace Site.Tests;

/// <summary>« Mes notifications »: the news categories anyone logged in is e-mailed about.</summary>
[Collection(SiteCollection.Name)]
public sealed class NotificationPreferencesPagesTests(SiteFixture site) : IDisposable
{
    private const string Preferences = "/api/membership/me/notification-preferences";

    public void Dispose() => site.Stub.Reset();

    private static Func<StubRequest, StubAnswer> Api(Func<StubRequest, StubAnswer>? write = null) => request => request switch
    {
        { Method: "GET", PathAndQuery: Preferences } => new StubAnswer(200, new { categories = new[] { MembershipForm.NewsCategories[1] } }),
        _ when write is not null => write(request),
        _ => new StubAnswer(404),
    };

    [Fact]
    public async Task The_page_ticks_the_persons_categories_among_the_five()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"], accessToken: "candidate-token");

        var response = await client.GetAsync("/espace-membre/notifications");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(site.Stub.ApiRequests);
        Assert.Equal(("GET", Preferences), (request.Method, request.PathAndQuery));
        Assert.Equal("Bearer candidate-token", request.Authorization);
        var page = await response.ReadPageAsync();
        Assert.Contains("<legend>Notifications de publication d'une actualité</legend>", page, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"aide\" id=\"Input_Categories-aide\">Cochez les catégories d'actualités pour lesquelles vous souhaitez recevoir une notification quotidienne par mail lorsqu'une actualité est publiée.</span>",
            page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Categories-aide\"", page, StringComparison.Ordinal);
        for (var i = 0; i < MembershipForm.NewsCategories.Count; i++)
        {
            var category = MembershipForm.NewsCategories[i];
            Assert.Contains(
                $"<input type=\"checkbox\" id=\"Input_Categories-{i}\" name=\"Input.Categories\" value=\"{category}\"{(i == 1 ? " checked=\"checked\"" : "")} />",
                page, StringComparison.Ordinal);
            Assert.Contains($"<label class=\"inline\" for=\"Input_Categories-{i}\">{category}</label>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saving_puts_the_ticked_categories_and_says_so()
    {
        site.Stub.Api = Api(request => request.Method == "PUT" ? new StubAnswer(200, new { categories = MembershipForm.NewsCategories }) : new StubAnswer(404));
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"], accessToken: "candidate-token");
        var form = await (await client.GetAsync("/espace-membre/notifications")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/notifications", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Categories", MembershipForm.NewsCategories[0]),
            KeyValuePair.Create("Input.Categories", MembershipForm.NewsCategories[4]),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-membre/notifications?etat=enregistre", response.Headers.Location?.ToString());
        var put = Assert.Single(site.Stub.ApiRequests, request => request.Method == "PUT");
        Assert.Equal(Preferences, put.PathAndQuery);
        Assert.Equal("Bearer candidate-token", put.Authorization);
        using var body = JsonDocument.Parse(put.Body);
        Assert.Equal([MembershipForm.NewsCategories[0], MembershipForm.NewsCategories[4]],
            body.RootElement.GetProperty("categories").EnumerateArray().Select(item => item.GetString()!).ToArray());
        var saved = await (await client.GetAsync(response.Headers.Location)).ReadPageAsync();
        Assert.Contains("<p class=\"notice\" role=\"status\">Vos préférences de notification sont enregistrées.</p>", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_everything_puts_an_empty_list()
    {
        site.Stub.Api = Api(request => request.Method == "PUT" ? new StubAnswer(200, new { categories = Array.Empty<string>() }) : new StubAnswer(404));
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"]);
        var form = await (await client.GetAsync("/espace-membre/notifications")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/notifications", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var body = JsonDocument.Parse(site.Stub.ApiRequests.Single(request => request.Method == "PUT").Body);
        Assert.Equal(0, body.RootElement.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task An_error_of_the_api_shows_beside_the_categories_with_the_ticks_kept()
    {
        site.Stub.Api = Api(request => request.Method == "PUT"
            ? new StubAnswer(400, new
            {
                title = "La demande contient des erreurs.", status = 400,
                errors = new Dictionary<string, string[]> { ["categories"] = ["Cette catégorie n'existe plus."] },
            })
            : new StubAnswer(404));
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"]);
        var form = await (await client.GetAsync("/espace-membre/notifications")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/notifications", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Categories", MembershipForm.NewsCategories[2]),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("<span class=\"erreur-champ\" id=\"Input_Categories-erreur\">Cette catégorie n'existe plus.</span>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Categories-aide Input_Categories-erreur\"", page, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Input_Categories\">Cette catégorie n'existe plus.</a></li>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{MembershipForm.NewsCategories[2]}\" checked=\"checked\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{MembershipForm.NewsCategories[1]}\" checked=\"checked\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_outside_the_list_is_refused_without_calling_the_api()
    {
        site.Stub.Api = Api();
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"]);
        var form = await (await client.GetAsync("/espace-membre/notifications")).ReadPageAsync();

        var response = await client.PostAsync("/espace-membre/notifications", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", Html.AntiforgeryToken(form)),
            KeyValuePair.Create("Input.Categories", "Petites annonces"),
        ]));

        Assert.Contains("La catégorie « Petites annonces » n'existe pas.", await response.ReadPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(site.Stub.ApiRequests, request => request.Method == "PUT");
    }

    [Fact]
    public async Task Preferences_that_cannot_be_read_are_explained_without_a_form()
    {
        site.Stub.Api = _ => new StubAnswer(503, new { title = "Service indisponible.", status = 503 });
        using var client = await site.SignInAsync("Camille Candidate", ["candidate"]);

        var page = await (await client.GetAsync("/espace-membre/notifications")).ReadPageAsync();

        Assert.Contains("<li>Service indisponible.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Categories\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_person_is_sent_to_log_in()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/espace-membre/notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(site.Stub.Issuer + "connect/authorize?", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Empty(site.Stub.ApiRequests);
    }
}
