using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Nege.AppHost;
using Nege.ServiceDefaults.Security;
using Nege.Testing;

namespace EndToEnd.Tests;

/// <summary>A person with an account and a password.</summary>
public sealed record Person(Guid Id, string Email, string UserName, string Password, string DisplayName);

/// <summary>How the first administrator was set up: the invitation e-mail and the page that took the password.</summary>
public sealed record AdministratorSetup(Person Administrator, SinkEmail Invitation, string InvitationLink, string PageAfterPassword);

/// <summary>
/// People shared by the collection's tests, whatever order they run in: the first administrator
/// (set up once, from the e-mail Membership sends at first start, through the set-password page),
/// and accounts the administrator opens with given roles.
/// </summary>
public sealed partial class Identities(RunningSystem system)
{
    public const string AdministratorPassword = "Lorraine-Alsace-Champagne-2026";
    public const string InvitationSubject = "Votre accès à l'extranet de Numéric'Emploi Grand Est";
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AdministratorSetup? _administrator;
    private Exception? _administratorFailure;
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private (string Token, DateTimeOffset Until)? _adminToken;

    public OpenIdClient OpenId { get; } = new(system);

    public async Task<AdministratorSetup> AdministratorSetupAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // A failed set-up fails every later test at once, instead of each waiting out the e-mail's delay again.
            if (_administratorFailure is not null)
            {
                throw new InvalidOperationException("The first administrator could not be set up.", _administratorFailure);
            }

            try
            {
                return _administrator ??= await SetUpAdministratorAsync();
            }
            catch (Exception exception) when (exception is TimeoutException or HttpRequestException)
            {
                _administratorFailure = exception;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Person> AdministratorAsync() => (await AdministratorSetupAsync()).Administrator;

    /// <summary>An access token of the first administrator (kept while it has more than 5 minutes left).</summary>
    public async Task<string> AdminTokenAsync()
    {
        if (_adminToken is { } cached && cached.Until > DateTimeOffset.UtcNow)
        {
            return cached.Token;
        }

        var admin = await AdministratorAsync();
        var tokens = await LoginAsync(admin);
        _adminToken = (tokens.AccessToken, DateTimeOffset.UtcNow.AddSeconds(tokens.ExpiresIn) - TimeSpan.FromMinutes(5));
        return tokens.AccessToken;
    }

    /// <summary>A fresh login through the authorization code flow, in a new browser.</summary>
    public async Task<TokenSet> LoginAsync(Person person)
    {
        using var browser = NewBrowser();
        return await OpenId.LoginAsync(browser, person.Email, person.Password);
    }

    public BrowserSession NewBrowser() => new(new Uri(system.GatewayUrl));

    /// <summary>One account per role, opened once by the administrator and shared.</summary>
    public async Task<Person> PersonWithRoleAsync(string role)
    {
        if (_people.TryGetValue(role, out var known))
        {
            return known;
        }

        var person = await CreatePersonAsync(role);
        _people[role] = person;
        return person;
    }

    /// <summary>A new account opened by the administrator with <paramref name="roles"/>; the password set from the invitation link.</summary>
    public Task<Person> CreatePersonAsync(params string[] roles) => CreatePersonAsync(null, roles);

    /// <summary>The same, the account attached to an organisation (a referent's, a partner's adviser's).</summary>
    public async Task<Person> CreatePersonAsync(Guid? organisationId, params string[] roles)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var email = $"personne-{suffix}@entreprise-exemple.fr";
        var created = await SendAsync(HttpMethod.Post, "/api/membership/accounts", await AdminTokenAsync(), new
        {
            email,
            userName = $"personne.{suffix}",
            civility = "Madame",
            lastName = "Martin",
            firstName = $"Claire {suffix}",
            function = "Chargée de recrutement",
            organisationId,
            roles,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"Account creation: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var account = await created.Content.ReadFromJsonAsync<JsonElement>();

        var invitation = await system.Sink.WaitForAsync(
            e => e.Subject == InvitationSubject && e.To.Any(to => to.Address == email), MailTimeout, $"the invitation to {email}");
        var password = $"Mirabelle-{suffix}-Nancy";
        var set = await system.Gateway.PostAsJsonAsync("/api/membership/password-resets", new { token = TokenIn(LinkIn(invitation)), password });
        Assert.True(set.StatusCode == HttpStatusCode.NoContent, $"Setting the password: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync()}");
        return new Person(account.GetProperty("id").GetGuid(), email, $"personne.{suffix}", password, $"Claire {suffix} Martin");
    }

    /// <summary>A call through the gateway with a bearer token (none when null) and a JSON body (none when null).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await system.Gateway.SendAsync(request);
    }

    /// <summary>The account link of an e-mail (confirmation, set-password, reset).</summary>
    public static string LinkIn(SinkEmail email)
    {
        var match = Link().Match(email.Text ?? "");
        if (!match.Success)
        {
            match = Link().Match(WebUtility.HtmlDecode(email.Html ?? ""));
        }

        Assert.True(match.Success, $"No account link in the e-mail « {email.Subject} »: {email.Text}");
        return match.Value;
    }

    public static string TokenIn(string link) => QueryHelpers.ParseQuery(new Uri(link).Query)["jeton"].ToString();

    private async Task<AdministratorSetup> SetUpAdministratorAsync()
    {
        var invitation = await system.Sink.WaitForAsync(
            e => e.Subject == InvitationSubject && e.To.Any(to => to.Address == NegeTopology.FirstAdministratorEmail),
            MailTimeout, "the first administrator's invitation");
        var link = LinkIn(invitation);

        using var browser = NewBrowser();
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        Assert.Equal(TokenIn(link), BrowserSession.HiddenFields(form)["jeton"]);
        BrowserSession.AntiforgeryToken(form);

        var posted = await browser.SubmitAsync(new Uri(link).PathAndQuery, form, ("Password", AdministratorPassword), ("Confirmation", AdministratorPassword));
        var after = BrowserSession.Text(await posted.Content.ReadAsStringAsync());
        Assert.True(posted.StatusCode == HttpStatusCode.OK && after.Contains("Votre mot de passe est enregistré", StringComparison.Ordinal),
            $"Setting the first administrator's password: {(int)posted.StatusCode} {after}");

        var tokens = await OpenId.LoginAsync(browser, NegeTopology.FirstAdministratorEmail, AdministratorPassword);
        var claims = tokens.AccessClaims;
        var administrator = new Person(
            Guid.Parse(claims.GetProperty("sub").GetString()!), NegeTopology.FirstAdministratorEmail,
            claims.GetProperty("preferred_username").GetString()!, AdministratorPassword, claims.GetProperty("name").GetString()!);
        _adminToken = (tokens.AccessToken, DateTimeOffset.UtcNow.AddSeconds(tokens.ExpiresIn) - TimeSpan.FromMinutes(5));
        return new AdministratorSetup(administrator, invitation, link, after);
    }

    /// <summary>An employment partner's organisation and a client for its system, created by the administrator (both scopes unless told).</summary>
    /// <summary>A partner system's access token for a new partner organisation.</summary>
    public async Task<(Guid OrganisationId, string AccessToken)> PartnerSystemAsync()
    {
        var (organisationId, clientId, secret) = await PartnerClientAsync();
        var token = await ClientCredentialsAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (organisationId, (await OpenIdClient.ReadTokensAsync(token)).AccessToken);
    }

    public async Task<(Guid OrganisationId, string ClientId, string Secret)> PartnerClientAsync(params string[] scopes)
    {
        var adminToken = await AdminTokenAsync();
        var organisationId = await CreateOrganisationAsync(adminToken, "Partenaire emploi");
        var created = await SendAsync(HttpMethod.Post, "/api/membership/partner-clients", adminToken,
            new { organisationId, scopes = scopes.Length > 0 ? scopes : [NegeScopes.CandidatesRead, NegeScopes.CandidatesWrite] });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(organisationId, client.GetProperty("organisationId").GetGuid());
        return (organisationId, client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
    }

    public async Task<Guid> CreateOrganisationAsync(string adminToken, string category)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/membership/organisations", adminToken,
            new { name = $"{category} {Guid.NewGuid():N}"[..40], category });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var organisation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(category, organisation.GetProperty("category").GetString());
        return organisation.GetProperty("id").GetGuid();
    }

    /// <summary>POST /connect/token with the client-credentials grant, the secret in the form or as HTTP basic.</summary>
    public async Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, bool basic = false, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token");
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await system.Gateway.SendAsync(request);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+\?jeton=[A-Za-z0-9_\-%.~]+")]
    private static partial Regex Link();
}
