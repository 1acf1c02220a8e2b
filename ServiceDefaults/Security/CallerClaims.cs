using System.Security.Claims;

namespace Nege.ServiceDefaults.Security;

/// <summary>Who is calling, read from the access token's claims the same way in every service and in the gateway.</summary>
public static class CallerClaims
{
    /// <summary>A person's account id (<c>sub</c>); null when the subject is not an account (a partner client's token).</summary>
    public static Guid? CallerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(NegeClaims.Subject), out var id) ? id : null;

    /// <summary>The name written in audit rows and logs: the token's <c>name</c>, else its subject.</summary>
    public static string CallerName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NegeClaims.Name) ?? user.FindFirstValue(NegeClaims.Subject) ?? "inconnu";

    /// <summary>The OAuth client calling: <c>client_id</c>, else the subject (a client-credentials token's subject is its client).</summary>
    public static string? CallerClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(NegeClaims.ClientId) ?? user.FindFirstValue(NegeClaims.Subject);

    /// <summary>The organisation a partner client is bound to; null when the token names none.</summary>
    public static Guid? CallerOrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(NegeClaims.OrganisationId), out var id) ? id : null;

    /// <summary>A person's token (authorization code), not a partner system's.</summary>
    public static bool IsPerson(this ClaimsPrincipal user) => user.FindFirstValue(NegeClaims.CallerType) == NegeClaims.Person;

    /// <summary>A partner system's token (client credentials).</summary>
    public static bool IsPartnerClient(this ClaimsPrincipal user) => user.FindFirstValue(NegeClaims.CallerType) == NegeClaims.PartnerClient;
}
