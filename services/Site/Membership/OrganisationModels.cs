using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nege.Site.Membership;

/// <summary>A member organisation's card, as the directory shows it (<c>GET /api/membership/organisations/mine</c>).</summary>
public sealed record OrganisationCard(
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string Name,
    string? Category,
    string? RegionalHeadOffice,
    bool HasLogo,
    string? Presentation,
    string? Website,
    string? CompanyType,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    HrContact? HrContact,
    [property: JsonConverter(typeof(DateOrInstantConverter))] DateOnly? MemberSince)
{
    /// <summary>The web site as a link only when it is an http(s) address.</summary>
    public Uri? WebsiteLink =>
        Uri.TryCreate(Website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}

/// <summary>The body of <c>PUT /api/membership/organisations/mine</c>; a null logo keeps the current one.</summary>
public sealed record OrganisationCardUpdate(
    string Name,
    string RegionalHeadOffice,
    string? Logo,
    string? Presentation,
    string? Website,
    IReadOnlyList<string> MainActivities,
    IReadOnlyList<string> SiteDepartements,
    IReadOnlyList<string> InterventionDepartements,
    string? HrContactUserName);

/// <summary>A person of the referent's organisation with access to the extranet.</summary>
public sealed record Colleague(
    [property: JsonConverter(typeof(IdConverter))] string AccountId,
    string UserName,
    string Email,
    string? Civility,
    string? LastName,
    string? FirstName,
    string? Function,
    IReadOnlyList<string> Roles,
    bool InvitationPending,
    bool IsReferent)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

public sealed record NewColleague(string Email, string UserName, string Civility, string LastName, string FirstName, string? Function);

/// <summary>The news categories a person is e-mailed about (<c>/api/membership/me/notification-preferences</c>).</summary>
public sealed record NotificationPreferences(IReadOnlyList<string> Categories);

/// <summary>A date written <c>yyyy-MM-dd</c>, or an instant whose Paris date is taken.</summary>
public sealed class DateOrInstantConverter : JsonConverter<DateOnly?>
{
    private static readonly TimeZoneInfo Paris =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris) ? paris : TimeZoneInfo.Utc;

    public override bool HandleNull => true;

    public override DateOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime)
            : throw new JsonException($"« {text} » is neither a date nor an instant.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
