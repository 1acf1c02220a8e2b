namespace Nege.ServiceDefaults;

/// <summary>
/// Names of the resources the AppHost declares. The services read their connection strings and
/// discovery entries under these names, and the tests start resources with them.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";
    public const string Smtp = "smtp";

    public const string Membership = "membership";
    public const string Billing = "billing";
    public const string Directory = "directory";
    public const string Candidates = "candidates";
    public const string Notifications = "notifications";
    public const string Site = "site";
    public const string Gateway = "gateway";

    public const string MembershipDatabase = "membership-db";
    public const string NotificationsDatabase = "notifications-db";

    /// <summary>The site's own database: its data-protection keys (cookies readable by every replica).</summary>
    public const string SiteDatabase = "site-db";

    /// <summary>The services reached through the gateway under <c>/api/&lt;name&gt;/</c>.</summary>
    public static readonly IReadOnlyList<string> ApiServices = [Membership, Billing, Directory, Candidates, Notifications];

    public static string DatabaseOf(string service) => service + "-db";
}
