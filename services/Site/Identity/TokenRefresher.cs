using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Nege.Site.Identity;

/// <summary>Exchanges a refresh token at the issuer's token endpoint, or revokes it at logout (endpoints read from the discovery document).</summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, ILogger<TokenRefresher> logger)
{
    public async Task<RefreshedTokens?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return null;
        }

        var options = oidcOptions.Get(SiteAuthentication.OidcScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = refreshToken,
                    ["client_id"] = options.ClientId!,
                    ["client_secret"] = options.ClientSecret!,
                }),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Refresh refused by the token endpoint: {Status}.", (int)response.StatusCode);
                return null;
            }

            var tokens = await response.Content.ReadFromJsonAsync<RefreshedTokens>(cancellationToken);
            return tokens is { AccessToken.Length: > 0 } ? tokens : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException
                                              or TaskCanceledException)
        {
            logger.LogWarning(exception, "The access token could not be refreshed.");
            return null;
        }
    }

    /// <summary>
    /// Revokes a refresh token (RFC 7009) so that it cannot outlive the session it belonged to. A failure
    /// is logged, not shown: the person is logged out of the site either way.
    /// </summary>
    public async Task RevokeAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return;
        }

        var options = oidcOptions.Get(SiteAuthentication.OidcScheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            if (string.IsNullOrEmpty(configuration.RevocationEndpoint))
            {
                logger.LogWarning("The issuer publishes no revocation endpoint: the refresh token will expire by itself.");
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.RevocationEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["token"] = refreshToken,
                    ["token_type_hint"] = "refresh_token",
                    ["client_id"] = options.ClientId!,
                    ["client_secret"] = options.ClientSecret!,
                }),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The refresh token could not be revoked at logout: {Status}.", (int)response.StatusCode);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogWarning(exception, "The refresh token could not be revoked at logout.");
        }
    }
}

public sealed record RefreshedTokens(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken);
