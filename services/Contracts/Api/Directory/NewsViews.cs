namespace Nege.Contracts.Api.Directory;

/// <summary>A news item in the public list (published only, newest first).</summary>
public sealed record NewsSummaryView(Guid Id, string Title, string Category, string Summary, string? ImageUrl, DateTimeOffset PublishedAt);

/// <summary>A news item's page; for an editor also a draft or one scheduled for later (<see cref="Status"/>).</summary>
/// <param name="Status">« draft », « scheduled » (publication date in the future) or « published ».</param>
public sealed record NewsView(
    Guid Id, string Title, string Category, string BodyHtml, string? ImageUrl, string Status, DateTimeOffset? PublishedAt, string Author, DateTimeOffset UpdatedAt);

/// <summary>
/// An editor writes or edits a news item (JSON): title, rich text (sanitised on the way in), category, an optional image
/// (« data: » URL, PNG or JPEG checked by content) and the publication date (null: a draft; in the past or now: published
/// at once; in the future: scheduled).
/// </summary>
public sealed record NewsRequest(string? Title, string? BodyHtml, string? Category, string? Image, DateTimeOffset? PublishAt);
