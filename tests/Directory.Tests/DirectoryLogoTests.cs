using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nege.Contracts.Api.Directory;
using Nege.Contracts.Billing;
using Nege.Contracts.Membership;
using Nege.Directory;
using Nege.ServiceDefaults;
using Nege.Testing;
using SkiaSharp;

namespace Directory.Tests;

/// <summary>
/// Directory with a stub of Membership's public logo endpoint, found where service discovery looks for
/// <c>http://membership</c>: it answers only <c>GET /api/membership/organisations/{id}/logo</c>, with the PNG set for the id, else 404.
/// </summary>
public sealed class DirectoryWithMembershipLogos() : ServiceUnderTest<Program, DirectoryDbContext>(ResourceNames.Directory)
{
    private WebApplication? _membership;
    private string _membershipAddress = "";

    public ConcurrentDictionary<Guid, byte[]> Logos { get; } = new();

    /// <summary>Every path Directory asked the stub for.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    protected override async Task StartDependenciesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _membership = builder.Build();
        _membership.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next();
        });
        _membership.MapGet("/api/membership/organisations/{id:guid}/logo", (Guid id) =>
            Logos.TryGetValue(id, out var png) ? Results.File(png, "image/png") : Results.NotFound());
        await _membership.StartAsync();
        _membershipAddress = _membership.Urls.Single();
    }

    protected override async Task StopDependenciesAsync()
    {
        if (_membership is not null)
        {
            await _membership.DisposeAsync();
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() => [new("services:membership:http:0", _membershipAddress)];
}

[CollectionDefinition(Name)]
public sealed class DirectoryLogoCollection : ICollectionFixture<DirectoryWithMembershipLogos>
{
    public const string Name = "directory-logos";
}

/// <summary>
/// The logo fetched from Membership when the card's logo version changes, fitted into 256×256 (aspect ratio kept, never
/// enlarged) and served for listed members with its version as <c>ETag</c>.
/// </summary>
[Collection(DirectoryLogoCollection.Name)]
public sealed class DirectoryLogoTests(DirectoryWithMembershipLogos service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private Task PublishAsync<T>(T message) where T : class => service.Factory.Services.GetRequiredService<IBus>().Publish(message);

    private static byte[] Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private static string NewVersion() => Guid.NewGuid().ToString("N");

    /// <summary>Admits the organisation with a card giving <paramref name="logoVersion"/>; its stub logo is set before.</summary>
    private async Task MemberWithIdAsync(Guid id, string? logoVersion)
    {
        var now = DateTimeOffset.UtcNow;
        var hr = new PersonReference(Guid.NewGuid(), "Hugo RH", $"rh.{id:N}@example.org");
        string[] sites = ["Alsace : Bas-Rhin (67)"];
        string[] activities = ["ESN - Agence Web"];
        await PublishAsync(new MembershipApproved(id, Guid.NewGuid(), "Logo & Cie", "Entreprise", "Strasbourg", true, "PME : 10-250 personnes", activities, sites,
            sites, new MembershipPerimeter(10, 0, 0), null, null, new PersonReference(Guid.NewGuid(), "Claire Référente", $"claire.{id:N}@example.org"), hr, now));
        await CardAsync(id, logoVersion);
        await Eventually.UntilAsync(() => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == id && o.MemberSince != null && o.CardChangedAt != null)),
            Deadline, "the directory records the member");
    }

    private Task CardAsync(Guid id, string? logoVersion) => PublishAsync(new OrganisationCardChanged(id, "Logo & Cie", "Entreprise", "Strasbourg",
        "<p>Des logos.</p>", null, ["ESN - Agence Web"], ["Alsace : Bas-Rhin (67)"], ["Alsace : Bas-Rhin (67)"],
        new PersonReference(Guid.NewGuid(), "Hugo RH", $"rh.{id:N}@example.org"), logoVersion, DateTimeOffset.UtcNow));

    private Task StoredAsync(Guid id, string? version) => Eventually.UntilAsync(
        () => service.QueryAsync(db => db.Organisations.AnyAsync(o => o.Id == id && o.LogoVersion == version && o.StoredLogoVersion == version
            && (o.Logo != null) == (version != null))),
        Deadline, $"the logo {version ?? "(none)"} is stored");

    private async Task<string?> LogoUrlAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<DirectoryOrganisationView>($"/api/directory/organisations/{id}"))!.LogoUrl;

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{ifNoneMatch}\""));
        }

        return await client.SendAsync(request);
    }

    private static async Task<SKBitmap> DecodedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return Assert.IsType<SKBitmap>(SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_new_logo_version_is_fetched_fitted_and_served_with_its_etag_and_a_version_null_clears_it()
    {
        var first = NewVersion();
        var id = Guid.NewGuid();
        service.Logos[id] = Png(800, 400, SKColors.Red);
        await MemberWithIdAsync(id, first);
        await StoredAsync(id, first);
        Assert.Contains($"GET /api/membership/organisations/{id}/logo", service.Requests);

        using var client = service.Factory.CreateClient();
        var url = await LogoUrlAsync(client, id);
        Assert.Equal($"/api/directory/organisations/{id}/logo?v={first}", url);
        using var response = await GetAsync(client, url!);
        using (var logo = await DecodedAsync(response))
        {
            Assert.Equal((256, 128), (logo.Width, logo.Height));
            Assert.Equal(SKColors.Red, logo.GetPixel(128, 64));
        }

        Assert.Equal($"\"{first}\"", response.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var notModified = await GetAsync(client, url!, ifNoneMatch: first);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal($"\"{first}\"", notModified.Headers.ETag?.Tag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // A smaller logo is not enlarged.
        var second = NewVersion();
        service.Logos[id] = Png(100, 60, SKColors.Blue);
        await CardAsync(id, second);
        await StoredAsync(id, second);
        var secondUrl = await LogoUrlAsync(client, id);
        Assert.Equal($"/api/directory/organisations/{id}/logo?v={second}", secondUrl);
        using var replaced = await GetAsync(client, secondUrl!, ifNoneMatch: first);
        using (var logo = await DecodedAsync(replaced))
        {
            Assert.Equal((100, 60, SKColors.Blue), (logo.Width, logo.Height, logo.GetPixel(50, 30)));
        }

        Assert.Equal($"\"{second}\"", replaced.Headers.ETag?.Tag);

        // The old address now gets the current logo, revalidated every time.
        using var oldAddress = await GetAsync(client, url!);
        Assert.Equal(HttpStatusCode.OK, oldAddress.StatusCode);
        Assert.Equal($"\"{second}\"", oldAddress.Headers.ETag?.Tag);
        Assert.Equal("public, no-cache", oldAddress.Headers.CacheControl?.ToString());

        await CardAsync(id, null);
        await StoredAsync(id, null);
        Assert.Null(await LogoUrlAsync(client, id));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, secondUrl!)).StatusCode);
    }

    [Fact]
    public async Task A_logo_Membership_does_not_have_is_cleared_and_no_longer_linked()
    {
        var id = Guid.NewGuid();
        service.Logos[id] = Png(300, 300, SKColors.Green);
        var first = NewVersion();
        await MemberWithIdAsync(id, first);
        await StoredAsync(id, first);

        service.Logos.TryRemove(id, out _);
        await CardAsync(id, NewVersion());
        await StoredAsync(id, null);

        using var client = service.Factory.CreateClient();
        Assert.Null(await LogoUrlAsync(client, id));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"/api/directory/organisations/{id}/logo?v={first}")).StatusCode);
    }

    [Fact]
    public async Task A_lapsed_member_s_logo_is_not_served_until_it_is_reinstated()
    {
        var id = Guid.NewGuid();
        service.Logos[id] = Png(400, 800, SKColors.Black);
        var version = NewVersion();
        await MemberWithIdAsync(id, version);
        await StoredAsync(id, version);
        using var client = service.Factory.CreateClient();
        var url = $"/api/directory/organisations/{id}/logo?v={version}";
        using (var logo = await DecodedAsync(await GetAsync(client, url)))
        {
            Assert.Equal((128, 256), (logo.Width, logo.Height));
        }

        var referent = new PersonReference(Guid.NewGuid(), "Claire Référente", "claire@example.org");
        await PublishAsync(new MembershipLapsed(id, "Logo & Cie", referent, "2026-0042", 192_00, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await GetAsync(client, url)).StatusCode == HttpStatusCode.NotFound, Deadline, "the lapsed member's logo answers 404");

        await PublishAsync(new MembershipReinstated(id, "Logo & Cie", referent, "2026-0042", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () => (await GetAsync(client, url)).StatusCode == HttpStatusCode.OK, Deadline, "the reinstated member's logo is back");
    }

    [Fact]
    public async Task An_unknown_organisation_has_no_logo()
    {
        using var client = service.Factory.CreateClient();
        var response = await GetAsync(client, $"/api/directory/organisations/{Guid.NewGuid()}/logo");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
