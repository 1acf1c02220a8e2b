namespace Nege.Membership.OpenIdServer;

/// <summary>The <c>Identity</c> configuration section of Membership.</summary>
public sealed class MembershipIdentityOptions
{
    /// <summary>The gateway's public address: issuer of the tokens and base of the links sent by e-mail.</summary>
    public string Issuer { get; set; } = "";

    public SiteClientOptions SiteClient { get; set; } = new();

    public FirstAdministratorOptions FirstAdministrator { get; set; } = new();

    public LockoutOptions Lockout { get; set; } = new();

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan EmailConfirmationLinkLifetime { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan InvitationLinkLifetime { get; set; } = TimeSpan.FromHours(72);

    public Uri Link(string pathAndQuery) => new(new Uri(Issuer.EndsWith('/') ? Issuer : Issuer + "/"), pathAndQuery);

    public sealed class SiteClientOptions
    {
        public string ClientId { get; set; } = "nege-site";

        public string Secret { get; set; } = "";

        /// <summary>Where the site is reached (its redirect URIs live under it); the issuer by default.</summary>
        public string? BaseUrl { get; set; }
    }

    public sealed class FirstAdministratorOptions
    {
        /// <summary>When set and no administrator exists yet, this address gets an account with the admin role and a set-password link.</summary>
        public string? Email { get; set; }

        public string UserName { get; set; } = "administrateur";

        public string LastName { get; set; } = "NEGE";

        public string FirstName { get; set; } = "Administrateur";
    }

    public sealed class LockoutOptions
    {
        public int MaxFailedAttempts { get; set; } = 5;

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    }
}
