using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Directory.News;

/// <summary>« Actualités »: editors write, preview and publish; anyone reads the published ones, and their Atom feed.</summary>
public static class NewsEndpoints
{
    public const string Route = "/api/directory/news";

    /// <summary>The text and a 2 MB image in base64, with room for the JSON around them.</summary>
    private const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The address names the image's version (<c>?v=</c>): a new image is a new address, so it may be cached for a day.</summary>
    private const string VersionedCacheControl = "public, max-age=86400";

    private const string UnversionedCacheControl = "public, no-cache";

    private const string NotFoundDetail = "Cette actualité n'existe pas ou n'est pas publiée.";

    public static IEndpointRouteBuilder MapNews(this IEndpointRouteBuilder routes)
    {
        var news = routes.MapGroup(Route).WithTags("Actualités");
        news.MapGet("/", ListAsync).AllowEveryone().WithSummary("Les actualités publiées, les plus récentes d'abord (filtre : catégorie)");
        news.MapGet("/feed", FeedAsync).AllowEveryone().WithSummary("Le flux Atom des actualités publiées (toutes, ou d'une catégorie)");
        news.MapGet("/{id:guid}", GetAsync).AllowEveryone().WithSummary("La page d'une actualité publiée");
        news.MapGet("/{id:guid}/image", PublicImageAsync).AllowEveryone().WithSummary("L'image d'une actualité publiée (PNG ou JPEG)");

        var editors = news.MapGroup("").RequireAccess(AccessPolicies.ManageNews);
        editors.MapPost("/", CreateAsync).WithSummary("Écrire une actualité (brouillon, programmée ou publiée selon sa date de publication)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        editors.MapPut("/{id:guid}", EditAsync).WithSummary("Modifier une actualité (une actualité publiée peut être corrigée ; elle n'est pas annoncée une seconde fois)")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        editors.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Supprimer un brouillon");
        editors.MapGet("/drafts", DraftsAsync).WithSummary("Les brouillons et les actualités programmées, les plus récemment modifiés d'abord");
        editors.MapGet("/{id:guid}/preview", PreviewAsync).WithSummary("Prévisualiser une actualité, quel que soit son état");
        editors.MapGet("/{id:guid}/preview/image", PreviewImageAsync).WithSummary("L'image d'une actualité, quel que soit son état");
        return routes;
    }

    private static async Task<Results<Ok<PageOf<NewsSummaryView>>, ValidationProblem>> ListAsync(
        DirectoryDbContext db, TimeProvider clock, string? category, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = NewsRules.Category(category).Merge(Paging.Validate(page, pageSize));
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var published = Published(db, clock.GetUtcNow(), category);
        var total = await published.CountAsync(cancellationToken);
        var items = await published.OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id).Skip((number - 1) * size).Take(size)
            .Select(n => new { n.Id, n.Title, n.Category, n.Summary, n.ImageVersion, n.PublishAt }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<NewsSummaryView>(
            [.. items.Select(n => new NewsSummaryView(n.Id, n.Title, n.Category, n.Summary, PublicImageUrl(n.Id, n.ImageVersion), n.PublishAt!.Value))],
            number, size, total));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> FeedAsync(
        DirectoryDbContext db, TimeProvider clock, NewsLinks links, HttpResponse response, string? category, CancellationToken cancellationToken)
    {
        var errors = NewsRules.Category(category);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var now = clock.GetUtcNow();
        var entries = await Published(db, now, category).OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id).Take(NewsFeed.Entries)
            .Select(n => new NewsFeed.Entry(n.Id, n.Title, n.Summary, n.Category, n.AuthorName, n.PublishAt!.Value, n.UpdatedAt)).ToListAsync(cancellationToken);
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.File(NewsFeed.Write(entries, category, links, now), NewsFeed.ContentType);
    }

    private static async Task<Results<Ok<NewsView>, NotFoundProblem>> GetAsync(DirectoryDbContext db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var item = await Published(db, now, null).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return item is null ? Problems.NotFound(NotFoundDetail) : TypedResults.Ok(View(item, now));
    }

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFoundProblem>> PublicImageAsync(
        DirectoryDbContext db, TimeProvider clock, Guid id, string? v, HttpContext context, CancellationToken cancellationToken) =>
        ImageAsync(Published(db, clock.GetUtcNow(), null), id, v, context, cancellationToken);

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFoundProblem>> PreviewImageAsync(
        DirectoryDbContext db, Guid id, string? v, HttpContext context, CancellationToken cancellationToken) =>
        ImageAsync(db.News.AsNoTracking(), id, v, context, cancellationToken);

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFoundProblem>> ImageAsync(
        IQueryable<NewsItem> news, Guid id, string? v, HttpContext context, CancellationToken cancellationToken)
    {
        var cached = context.Request.GetTypedHeaders().IfNoneMatch;
        var anyCached = cached.Any(tag => tag.Equals(EntityTagHeaderValue.Any));
        var cachedVersions = cached.Select(tag => tag.Tag.Value?.Trim('"')).OfType<string>().ToArray();

        // The bytes are read only when the caller does not have them already.
        var image = await news.Where(n => n.Id == id && n.Image != null)
            .Select(n => new
            {
                Version = n.ImageVersion!, ContentType = n.ImageContentType!,
                Content = anyCached || cachedVersions.Contains(n.ImageVersion!) ? null : n.Image,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return Problems.NotFound("Cette actualité n'a pas d'image, ou n'est pas publiée.");
        }

        var headers = context.Response.Headers;
        headers.ETag = $"\"{image.Version}\"";
        headers.CacheControl = v == image.Version ? VersionedCacheControl : UnversionedCacheControl;
        headers.XContentTypeOptions = "nosniff";
        return image.Content is null ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.File(image.Content, image.ContentType);
    }

    private static async Task<Results<Created<NewsView>, ValidationProblem, PayloadTooLargeProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, DirectoryDbContext db, NewsLinks links, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, MaxBodyBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var body = await JsonBody.ReadAsync<NewsRequest>(request, cancellationToken);
        if (body.Value is null)
        {
            return body.Errors.ToProblem();
        }

        var now = clock.GetUtcNowForDatabase();
        var (input, errors) = NewsRules.Validate(body.Value, body.Errors, now, published: false);
        if (input is null)
        {
            return errors.ToProblem();
        }

        var item = new NewsItem { Id = NewId.NextSequentialGuid(), AuthorId = user.CallerId(), AuthorName = user.CallerName(), CreatedAt = now };
        Apply(item, input, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.News.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        await NewsPublication.PublishIfDueAsync(db, links, item.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{Route}/{item.Id}/preview", View(item, now));
    }

    private static async Task<Results<Ok<NewsView>, ValidationProblem, NotFoundProblem, PayloadTooLargeProblem>> EditAsync(
        HttpRequest request, DirectoryDbContext db, NewsLinks links, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        if (Problems.TooLarge(request, MaxBodyBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var body = await JsonBody.ReadAsync<NewsRequest>(request, cancellationToken);
        if (body.Value is null)
        {
            return body.Errors.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await LockedAsync(db, id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound("Cette actualité n'existe pas.");
        }

        var now = clock.GetUtcNowForDatabase();
        var published = item.PublishedEventAt is not null || item.PublishAt <= now;
        var (input, errors) = NewsRules.Validate(body.Value, body.Errors, now, published);
        if (input is null)
        {
            return errors.ToProblem();
        }

        Apply(item, input, now);
        await db.SaveChangesAsync(cancellationToken);
        await NewsPublication.PublishIfDueAsync(db, links, item.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(View(item, now));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> DeleteAsync(
        DirectoryDbContext db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await LockedAsync(db, id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound("Cette actualité n'existe pas.");
        }

        if (item.PublishAt is { } publishAt)
        {
            return publishAt > clock.GetUtcNow()
                ? Problems.Conflict("Suppression impossible.",
                    "Seul un brouillon peut être supprimé : cette actualité est programmée. Retirez sa date de publication pour en faire un brouillon, puis supprimez-la.")
                : Problems.Conflict("Suppression impossible.", "Cette actualité est publiée : seul un brouillon peut être supprimé.");
        }

        db.News.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PageOf<NewsView>>, ValidationProblem>> DraftsAsync(
        DirectoryDbContext db, TimeProvider clock, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var (number, size) = Paging.Of(page, pageSize);
        var now = clock.GetUtcNow();
        var unpublished = db.News.AsNoTracking().Where(n => n.PublishAt == null || n.PublishAt > now);
        var total = await unpublished.CountAsync(cancellationToken);
        var items = await unpublished.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<NewsView>([.. items.Select(n => View(n, now))], number, size, total));
    }

    private static async Task<Results<Ok<NewsView>, NotFoundProblem>> PreviewAsync(DirectoryDbContext db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        var item = await db.News.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return item is null ? Problems.NotFound("Cette actualité n'existe pas.") : TypedResults.Ok(View(item, clock.GetUtcNow()));
    }

    private static IQueryable<NewsItem> Published(DirectoryDbContext db, DateTimeOffset now, string? category)
    {
        var published = db.News.AsNoTracking().Where(n => n.PublishAt <= now);
        return category is null ? published : published.Where(n => n.Category == category);
    }

    /// <summary>The item, its row locked until the transaction ends: the scheduler does not publish it in between.</summary>
    private static async Task<NewsItem?> LockedAsync(DirectoryDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await db.News.FromSql($"SELECT * FROM news WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    private static void Apply(NewsItem item, NewsInput input, DateTimeOffset now)
    {
        item.Title = input.Title;
        item.BodyHtml = input.BodyHtml;
        item.Summary = input.Summary;
        item.Category = input.Category;
        item.PublishAt = input.PublishAt;
        item.UpdatedAt = now;
        switch (input.Image)
        {
            case NewsImageChange.Remove:
                (item.Image, item.ImageContentType, item.ImageVersion) = (null, null, null);
                break;
            case NewsImageChange.Replace replace:
                (item.Image, item.ImageContentType, item.ImageVersion) = (replace.Content, replace.Format.ContentType, replace.Version);
                break;
        }
    }

    private static NewsView View(NewsItem item, DateTimeOffset now)
    {
        var status = NewsPublication.StatusOf(item.PublishAt, now);
        var image = status == NewsPublication.Published ? PublicImageUrl(item.Id, item.ImageVersion)
            : item.ImageVersion is null ? null : $"{Route}/{item.Id}/preview/image?v={item.ImageVersion}";
        return new NewsView(item.Id, item.Title, item.Category, item.BodyHtml, image, status, item.PublishAt, item.AuthorName, item.UpdatedAt);
    }

    private static string? PublicImageUrl(Guid id, string? version) => version is null ? null : $"{Route}/{id}/image?v={version}";
}
