using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Images;

/// <summary>Serving and removing stored images.</summary>
public static class StoredImages
{
    /// <summary>The stored image's bytes, or a 404 problem. Public logos may be cached; an applicant's images may not.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> ServeAsync(
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

    /// <summary>Marks the image for deletion in the caller's unit of work (nothing when there is none).</summary>
    public static async Task DeleteAsync(MembershipDbContext db, Guid? imageId, CancellationToken cancellationToken)
    {
        if (imageId is { } id && await db.Images.FindAsync([id], cancellationToken) is { } image)
        {
            db.Images.Remove(image);
        }
    }
}
