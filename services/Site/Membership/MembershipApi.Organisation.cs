namespace Nege.Site.Membership;

/// <summary>What a member organisation's referent and every logged-in person do with their own things.</summary>
public sealed partial class MembershipApi
{
    private const string MyOrganisation = "api/membership/organisations/mine";

    public Task<OrganisationCard> GetMyOrganisationAsync(CancellationToken ct) =>
        SendAsync<OrganisationCard>(HttpMethod.Get, MyOrganisation, null, ct);

    public Task<OrganisationCard> UpdateMyOrganisationAsync(OrganisationCardUpdate update, CancellationToken ct) =>
        SendAsync<OrganisationCard>(HttpMethod.Put, MyOrganisation, update, ct);

    /// <summary>A member organisation's logo; null when it has none.</summary>
    public Task<ApiFile?> GetOrganisationLogoAsync(string organisationId, CancellationToken ct) =>
        GetFileAsync($"api/membership/organisations/{Escape(organisationId)}/logo", ct);

    public Task<IReadOnlyList<Colleague>> GetColleaguesAsync(CancellationToken ct) =>
        SendAsync<IReadOnlyList<Colleague>>(HttpMethod.Get, $"{MyOrganisation}/colleagues", null, ct);

    public Task<Colleague> InviteColleagueAsync(NewColleague colleague, CancellationToken ct) =>
        SendAsync<Colleague>(HttpMethod.Post, $"{MyOrganisation}/colleagues", colleague, ct);

    public Task RemoveColleagueAsync(string accountId, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"{MyOrganisation}/colleagues/{Escape(accountId)}", null, ct);

    public Task<NotificationPreferences> GetNotificationPreferencesAsync(CancellationToken ct) =>
        SendAsync<NotificationPreferences>(HttpMethod.Get, "api/membership/me/notification-preferences", null, ct);

    public Task<NotificationPreferences> SetNotificationPreferencesAsync(IReadOnlyList<string> categories, CancellationToken ct) =>
        SendAsync<NotificationPreferences>(HttpMethod.Put, "api/membership/me/notification-preferences", new NotificationPreferences(categories), ct);
}
