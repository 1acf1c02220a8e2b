using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Nege.ServiceDefaults;

namespace Gateway.Tests;

/// <summary>The gateway is the way in from outside: what a client claims in X-Forwarded-* must not be believed.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task A_client_supplied_x_forwarded_for_is_replaced_by_its_real_address()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var path = $"/api/directory/{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await gateway.SignedInClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", Assert.Single(gateway[ResourceNames.Directory].SeenAt(path)).ForwardedFor);
    }

    [Fact]
    public async Task The_public_write_rate_limit_cannot_be_dodged_with_a_made_up_x_forwarded_for_as_the_apphost_runs_it()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (set by the AppHost for every project) becomes in configuration.
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["Gateway:PublicWriteRateLimit:PermitLimit"] = "2",
            ["Gateway:PublicWriteRateLimit:WindowSeconds"] = "3600",
        });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/membership/application-drafts") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("X-Forwarded-For", string.Create(CultureInfo.InvariantCulture, $"203.0.113.{attempt}"));
            statuses.Add((await gateway.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.All(gateway[ResourceNames.Membership].Seen, seen => Assert.Equal("127.0.0.1", seen.ForwardedFor));
    }
}
