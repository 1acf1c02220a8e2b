using System.Globalization;
using System.Net;
using Nege.Contracts.Api.Directory;
using Nege.ServiceDefaults.Data;
using Nege.Site.Annuaire;
using Nege.Site.Api;
using Nege.Site.Membership;

namespace Nege.Site.Actualites;

/// <summary>
/// Directory's news (« actualités »), called server-side: the published ones for everyone, and for the editors (their
/// token forwarded) the drafts, the preview, writing, publishing and deleting.
/// </summary>
public sealed class NewsApi(HttpClient http)
{
    public const string ClientName = "news-api";

    public const string Route = "api/directory/news";

    public const int PageSize = 10;

    /// <summary>Directory not answering at all is a 503 without problem details.</summary>
    private static readonly ApiFailure Failure = new((status, problem, _) => new DirectoryApiException(status, problem), UnansweredIsUnavailable: true);

    /// <summary>A page of the published news, newest first; 400 <c>category</c> for an unknown category.</summary>
    public Task<Nege.ServiceDefaults.Http.PageOf<NewsSummaryView>> ListAsync(string? category, int page, CancellationToken ct) =>
        SendAsync<Nege.ServiceDefaults.Http.PageOf<NewsSummaryView>>(HttpMethod.Get,
            $"{Route}?{(category is null ? "" : $"category={ServiceApi.Escape(category)}&")}page={page}&pageSize={PageSize}", null, ct);

    /// <summary>A published item; null when Directory answers 404 (unknown, or not published).</summary>
    public Task<NewsView?> GetAsync(Guid id, CancellationToken ct) => OrNullAsync($"{Route}/{id}", ct);

    /// <summary>An item whatever its state (editors); null when it does not exist.</summary>
    public Task<NewsView?> PreviewAsync(Guid id, CancellationToken ct) => OrNullAsync($"{Route}/{id}/preview", ct);

    /// <summary>The drafts and the scheduled items, the most recently changed first.</summary>
    public Task<Nege.ServiceDefaults.Http.PageOf<NewsView>> DraftsAsync(int page, CancellationToken ct) =>
        SendAsync<Nege.ServiceDefaults.Http.PageOf<NewsView>>(HttpMethod.Get, $"{Route}/drafts?page={page}&pageSize={PageSize}", null, ct);

    /// <summary>400 per field (<c>title</c>, <c>bodyHtml</c>, <c>category</c>, <c>image</c>, <c>publishAt</c>).</summary>
    public Task<NewsView> CreateAsync(NewsRequest news, CancellationToken ct) => SendAsync<NewsView>(HttpMethod.Post, Route, news, ct);

    /// <summary>The image null keeps the current one, "" removes it.</summary>
    public Task<NewsView> EditAsync(Guid id, NewsRequest news, CancellationToken ct) => SendAsync<NewsView>(HttpMethod.Put, $"{Route}/{id}", news, ct);

    /// <summary>Drafts only: 409 for a scheduled or published item.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        using var response = await ServiceApi.SendCheckedAsync(http, HttpMethod.Delete, $"{Route}/{id}", null, Failure, ct);
    }

    /// <summary>The image of an item whatever its state (the caller disposes the answer); null when it has none.</summary>
    public async Task<HttpResponseMessage?> PreviewImageAsync(Guid id, CancellationToken ct)
    {
        using var request = ServiceApi.NewRequest(HttpMethod.Get, $"{Route}/{id}/preview/image", null);
        try
        {
            return await ServiceApi.SendCheckedAsync(http, request, HttpCompletionOption.ResponseHeadersRead, Failure, ct);
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<NewsView?> OrNullAsync(string path, CancellationToken ct)
    {
        try
        {
            return await SendAsync<NewsView>(HttpMethod.Get, path, null, ct);
        }
        catch (DirectoryApiException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        ServiceApi.SendAsync<T>(http, method, path, body, Failure, ct);

    /// <summary>The client, with the person's token when someone is logged in (the editors' calls need it; the public ones do not).</summary>
    public static IServiceCollection AddNewsApi(IServiceCollection services)
    {
        services.AddTransient<BearerTokenHandler>();
        services.AddHttpClient<NewsApi>(ClientName, client => client.BaseAddress = DirectoryApi.BaseAddress)
            .AddHttpMessageHandler<BearerTokenHandler>();
        return services;
    }
}

/// <summary>How the site shows and links the news.</summary>
public static class NewsDisplay
{
    public const string ListPath = "/actualites";

    public const string CategoryParameter = "categorie";

    public const string EditorPath = "/espace-membre/actualites";

    public const string NewPath = EditorPath + "/nouvelle";

    /// <summary>Directory's Atom feed, which the gateway serves to everyone.</summary>
    public const string FeedPath = "/" + NewsApi.Route + "/feed";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string ItemPath(Guid id) => $"{ListPath}/{id}";

    public static string PreviewPath(Guid id) => $"{EditorPath}/{id}";

    public static string EditPath(Guid id) => $"{EditorPath}/{id}/modifier";

    public static string PreviewImagePath(Guid id) => $"{EditorPath}/{id}/image";

    public static string FeedHref(string? category) => category is null ? FeedPath : $"{FeedPath}?category={ServiceApi.Escape(category)}";

    /// <summary>« 15 juin 2026 ».</summary>
    public static string Date(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, ParisTime.Zone).ToString("d MMMM yyyy", French);

    /// <summary>The ISO instant, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoDate(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string ImageAlt(string title) => $"Illustration de l'actualité « {title} »";

    public static string Status(NewsView news) => news.Status switch
    {
        "draft" => "Brouillon",
        "scheduled" when news.PublishedAt is { } at => $"Programmée le {Display.Date(at)}",
        "published" when news.PublishedAt is { } at => $"Publiée le {Display.Date(at)}",
        _ => news.Status,
    };

    /// <summary>The value of a <c>datetime-local</c> input for an instant, in Paris time.</summary>
    public static string? LocalInput(DateTimeOffset? value) =>
        value is { } at ? TimeZoneInfo.ConvertTime(at, ParisTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>A <c>datetime-local</c> value read as Paris time; false when it is not a date and time, or one Paris skips (spring forward).</summary>
    public static bool TryParseLocal(string value, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local) || ParisTime.Zone.IsInvalidTime(local))
        {
            return false;
        }

        instant = new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local));
        return true;
    }
}

/// <summary>An item as its public page shows it; <see cref="ImageUrl"/> is the address the visitor's browser can load.</summary>
public sealed record NewsArticle(NewsView News, string? ImageUrl);
