using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Images;

public static class ImageResults
{
    /// <summary>The stored image's bytes, or a 404 problem. Public logos may be cached; an applicant's images may not.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> ServeAsync(
        MembershipDbContext db, Guid? imageId, HttpContext context, bool cacheable, CancellationToken cancellationToken)
    {
        var image = imageId is { } id ? await db.Images.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (image is null)
        {
            return Problems.NotFound("Aucune image.");
        }

        context.Response.Headers.CacheControl = cacheable ? "public, max-age=300" : "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Content, image.ContentType);
    }
}
