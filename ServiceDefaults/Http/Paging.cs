namespace Nege.ServiceDefaults.Http;

/// <summary>One page of a list, as every list endpoint answers.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Page numbers from 1, at most 100 rows a page, 20 by default.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static ValidationErrors Validate(int? page, int? pageSize) => new ValidationErrors()
        .AddIf(page < 1, "page", "Le numéro de page commence à 1.")
        .AddIf(pageSize is < 1 or > MaxPageSize, "pageSize", $"La taille de page doit être comprise entre 1 et {MaxPageSize}.");

    public static (int Page, int PageSize) Of(int? page, int? pageSize) => (page ?? 1, pageSize ?? DefaultPageSize);

    public static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
