using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nege.Site.Membership;

/// <summary>An account as Membership's API answers it (also <c>/api/membership/me</c> for the person's own).</summary>
public sealed record Account(
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string Email,
    string? UserName,
    string? Civility,
    string? LastName,
    string? FirstName,
    string? Function,
    [property: JsonConverter(typeof(IdConverter))] string? OrganisationId,
    string? OrganisationName,
    IReadOnlyList<string> Roles,
    bool EmailConfirmed,
    bool IsLocked,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RoleChange>? RoleChanges = null)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>One account as the administrators' API answers it: the account, and the audit of its roles.</summary>
public sealed record AccountDetails(Account Account, IReadOnlyList<RoleChange> RoleChanges);

public sealed record RoleChange(
    string Role,
    string Change,
    [property: JsonConverter(typeof(IdConverter))] string? ByAccountId,
    string? ByName,
    DateTimeOffset At);

public sealed record NewAccount(
    string Email,
    string UserName,
    string Civility,
    string LastName,
    string FirstName,
    string? Function,
    string? OrganisationId,
    IReadOnlyList<string> Roles);

public sealed record Organisation(
    [property: JsonConverter(typeof(IdConverter))] string Id,
    string Name,
    string Category);

public sealed record NewOrganisation(string Name, string Category);

public sealed record PartnerClient(
    string ClientId,
    [property: JsonConverter(typeof(IdConverter))] string? OrganisationId,
    string? OrganisationName,
    IReadOnlyList<string> Scopes,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? RevokedAt,
    string? ClientSecret = null)
{
    public bool IsActive => string.Equals(Status, "active", StringComparison.Ordinal);
}

public sealed record NewPartnerClient(string OrganisationId, IReadOnlyList<string> Scopes);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => PageSize <= 0 ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An RFC 9457 problem details answer, with per-field messages.</summary>
public sealed record ApiProblem(
    string? Title,
    string? Detail,
    int? Status,
    IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The categories of organisations, as the seed names them.</summary>
public static class OrganisationCategories
{
    public const string EmploymentPartner = "Partenaire emploi";

    public static IReadOnlyList<string> All { get; } =
        ["Entreprise", EmploymentPartner, "Partenaire formation", "Partenaire Soutien", "Organisation professionnelle"];
}

/// <summary>Identifiers read as text whether the API writes them as strings (GUIDs) or numbers.</summary>
public sealed class IdConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.TryGetInt64(out var number)
                ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => reader.GetString(),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

/// <summary>Previous/next links of a paginated table: <see cref="LinkPrefix"/> followed by the page number.</summary>
public sealed record Pager(int Page, int PageCount, string LinkPrefix)
{
    /// <summary>The pager of a page of <paramref name="pageSize"/> rows out of <paramref name="total"/>.</summary>
    public static Pager Of(int page, int pageSize, int total, string linkPrefix) =>
        new(page, pageSize <= 0 ? 1 : Math.Max(1, (total + pageSize - 1) / pageSize), linkPrefix);
}
