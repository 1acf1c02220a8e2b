using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Nege.Directory.Organisations;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Directory.Logos;

/// <summary>A listed organisation's logo, as the directory's pages link it (<see cref="DirectorySearch.LogoUrl"/>).</summary>
public static class LogoEndpoints
{
    /// <summary>
    /// The pages link the logo with its version in the query (<c>?v=</c>): a new logo is a new address, so that address
    /// may be cached for a day. Not longer: a lapsed member's logo leaves shared caches within a day. Any other address
    /// (no version, or an old one) is revalidated every time, cheaply, by its <c>ETag</c>.
    /// </summary>
    public const string VersionedCacheControl = "public, max-age=86400";

    public const string UnversionedCacheControl = "public, no-cache";

    public static IEndpointRouteBuilder MapDirectoryLogos(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(DirectoryEndpoints.Route + "/{id:guid}/logo", GetAsync).WithTags("Annuaire")
            .WithSummary($"Le logo d'un organisme adhérent (PNG, {LogoImage.FitSide}×{LogoImage.FitSide} pixels au plus)").AllowEveryone();
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFoundProblem>> GetAsync(
        DirectoryDbContext db, Guid id, string? v, HttpContext context, CancellationToken cancellationToken)
    {
        var cached = context.Request.GetTypedHeaders().IfNoneMatch;
        var anyCached = cached.Any(tag => tag.Equals(EntityTagHeaderValue.Any));
        var cachedVersions = cached.Select(tag => tag.Tag.Value?.Trim('"')).OfType<string>().ToArray();

        // The bytes are read only when the caller does not have them already.
        var logo = await DirectorySearch.Listed(db).Where(o => o.Id == id && o.Logo != null)
            .Select(o => new { Version = o.StoredLogoVersion!, Content = anyCached || cachedVersions.Contains(o.StoredLogoVersion!) ? null : o.Logo })
            .SingleOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return Problems.NotFound("Cet organisme n'a pas de logo dans l'annuaire.");
        }

        var headers = context.Response.Headers;
        headers.ETag = $"\"{logo.Version}\"";
        headers.CacheControl = v == logo.Version ? VersionedCacheControl : UnversionedCacheControl;
        headers.XContentTypeOptions = "nosniff";
        return logo.Content is null
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.File(logo.Content, LogoImage.ContentType);
    }
}
