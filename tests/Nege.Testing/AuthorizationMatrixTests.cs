using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;
using Xunit;

namespace Nege.Testing;

/// <summary>One caller of the matrix: who it is, and the token it sends (none for an anonymous visitor).</summary>
public sealed record MatrixCaller(string Label, string? AccessToken)
{
    /// <summary>Who the caller is once its token is validated, for <see cref="AccessPolicy.Allows"/>.</summary>
    public ClaimsPrincipal Principal { get; init; } = new();

    public override string ToString() => Label;
}

/// <summary>
/// Every endpoint of the service states who may call it, and answers accordingly: the endpoints are
/// read from the running service's own routing (every data source), and each one is called by every
/// kind of caller — anonymous, a person with each single role, a person with no role, partner systems
/// with each scope — to check 401 / 403 / allowed against its <see cref="AccessPolicy"/>.
/// Each service's test project runs these through a derived class.
/// </summary>
public abstract class AuthorizationMatrixTests<TProgram, TDbContext>(ServiceUnderTest<TProgram, TDbContext> service)
    where TProgram : class
    where TDbContext : DbContext
{
    /// <summary>The organisation the matrix's people and partner clients are attached to.</summary>
    public static readonly Guid PartnerOrganisation = Guid.Parse("5e1f0c3a-9a62-4d47-8a7c-2f1c0d9e4b11");

    /// <summary>What the service must know before the matrix runs (its callers' organisation, say), so that only the policies decide.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    [Fact]
    public void Every_endpoint_is_either_public_or_declares_an_access_policy()
    {
        var undeclared = Endpoints()
            .Where(endpoint => !endpoint.Metadata.OfType<AccessPolicy>().Any() && endpoint.Metadata.GetMetadata<PublicEndpoint>() is null)
            .Select(Describe)
            .ToList();

        Assert.True(undeclared.Count == 0,
            $"{undeclared.Count} endpoint(s) of {service.ServiceName} say neither who may call them nor that they are public:\n  "
            + string.Join("\n  ", undeclared));
    }

    [Fact]
    public void The_matrix_sees_the_administrators_messaging_status()
    {
        var path = $"/api/{service.ServiceName}/admin/messaging";

        var endpoint = Assert.Single(Endpoints(), endpoint => string.Equals("/" + endpoint.RoutePattern.RawText?.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

        Assert.Contains(HttpMethods.Get, MethodsOf(endpoint));
        Assert.Equal(AccessPolicies.Operations, Assert.Single(endpoint.Metadata.OfType<AccessPolicy>()));
    }

    [Fact]
    public async Task Every_caller_gets_what_each_endpoint_policy_says()
    {
        await PrepareAsync();
        var callers = Callers();
        using var client = service.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var mismatches = new List<string>();
        var calls = 0;

        foreach (var endpoint in Endpoints())
        {
            var policies = endpoint.Metadata.OfType<AccessPolicy>().ToList();
            var isPublic = endpoint.Metadata.GetMetadata<PublicEndpoint>() is not null;
            if (policies.Count == 0 && !isPublic)
            {
                // Reported by Every_endpoint_is_either_public_or_declares_an_access_policy.
                continue;
            }

            var path = PathOf(endpoint.RoutePattern);
            foreach (var method in MethodsOf(endpoint))
            {
                foreach (var caller in callers)
                {
                    var expected = policies.Count == 0 ? Expectation.Allowed
                        : caller.AccessToken is null ? Expectation.Unauthenticated
                        : policies.TrueForAll(policy => policy.Allows(caller.Principal)) ? Expectation.Allowed
                        : Expectation.Forbidden;

                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (caller.AccessToken is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.AccessToken);
                    }

                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    calls++;
                    var status = response.StatusCode;
                    var matches = expected switch
                    {
                        Expectation.Unauthenticated => status == HttpStatusCode.Unauthorized,
                        Expectation.Forbidden => status == HttpStatusCode.Forbidden,
                        // Allowed: not refused, and not broken either (a 5xx would hide behind "not 401/403").
                        _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                    };
                    if (!matches)
                    {
                        var policyNames = isPublic && policies.Count == 0 ? "public" : string.Join(" + ", policies.Select(policy => policy.Name));
                        mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{method} {endpoint.RoutePattern.RawText} ({policyNames}) as {caller}: expected {Describe(expected)}, got {(int)status}"));
                    }
                }
            }
        }

        Assert.True(calls > 0, "the matrix made no call");
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {calls} call(s) to {service.ServiceName} did not get what the endpoint's policy says:\n  "
            + string.Join("\n  ", mismatches));
    }

    /// <summary>The service's real routes: every route endpoint that can be matched.</summary>
    protected IReadOnlyList<RouteEndpoint> Endpoints() =>
        service.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .Where(endpoint => endpoint.RoutePattern.RawText is not null || endpoint.RoutePattern.PathSegments.Count > 0)
            .ToList();

    /// <summary>The callers of the matrix, each with the principal its token becomes in the service.</summary>
    protected IReadOnlyList<MatrixCaller> Callers()
    {
        var tokens = service.Tokens;
        var serviceAudience = AuthenticationExtensions.AudienceOf(service.ServiceName);
        var callers = new List<MatrixCaller> { new("anonymous", null) };
        foreach (var role in NegeRoles.All)
        {
            // Attached to an organisation, as a partner's adviser must be: the matrix checks roles, not attachments.
            callers.Add(Caller($"person with role {role}", tokens.ForPerson([role], PartnerOrganisation)));
        }

        callers.Add(Caller("person with no role", tokens.ForPerson([])));
        foreach (var scopes in new[] { NegeScopes.Partner, [NegeScopes.CandidatesRead], [NegeScopes.CandidatesWrite] })
        {
            callers.Add(Caller(
                $"partner client with scope(s) {string.Join(' ', scopes)}",
                tokens.ForPartnerClient("partner-matrix", PartnerOrganisation, scopes, [serviceAudience])));
        }

        return callers;
    }

    /// <summary>The claims as the service reads them (no inbound mapping; a JSON array of roles is one claim per role).</summary>
    private static MatrixCaller Caller(string label, string accessToken) =>
        new(label, accessToken)
        {
            Principal = new ClaimsPrincipal(new ClaimsIdentity(new JsonWebToken(accessToken).Claims, "Bearer", NegeClaims.Name, NegeClaims.Role)),
        };

    private static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? [.. methods.Where(method => method != HttpMethods.Options || methods.Count == 1)]
            : [HttpMethods.Get];

    /// <summary>A concrete path for the pattern: guids for identifiers, a known role for <c>{role}</c>, <c>x</c> otherwise.</summary>
    private static string PathOf(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueOf(parameter),
                    _ => "x",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string ValueOf(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(policy => policy.Content ?? "").ToList();
        if (constraints.Contains("guid")
            || parameter.Name.Contains("Id", StringComparison.Ordinal)
            || parameter.Name.StartsWith("id", StringComparison.Ordinal))
        {
            return Guid.NewGuid().ToString();
        }

        if (constraints.Contains("int") || constraints.Contains("long"))
        {
            return "1";
        }

        if (constraints.Contains("bool"))
        {
            return "true";
        }

        return parameter.Name.Equals("role", StringComparison.OrdinalIgnoreCase) ? NegeRoles.Admin : "x";
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", MethodsOf(endpoint))} {endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";

    private static string Describe(Expectation expectation) => expectation switch
    {
        Expectation.Unauthenticated => "401",
        Expectation.Forbidden => "403",
        _ => "neither 401 nor 403 (nor 5xx)",
    };

    private enum Expectation
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }
}
