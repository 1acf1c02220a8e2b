using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// A browser, as far as the identity pages need one: keeps its own cookies (Set-Cookie, deletion by
/// an expiry in the past or Max-Age=0), never follows redirections (tests assert Location), reads
/// a form's hidden fields and posts forms.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, StoredCookie> _cookies = new(StringComparer.Ordinal);

    public BrowserSession(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    public IReadOnlyCollection<string> CookieNames => _cookies.Keys;

    /// <summary>Every Set-Cookie header received, as sent.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Resolve(url)));

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Resolve(url)) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Posts the form of <paramref name="html"/> (its hidden fields, anti-forgery token included) with <paramref name="fields"/> added.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string url, string html, params (string Name, string Value)[] fields)
    {
        var values = HiddenFields(html);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return PostFormAsync(url, values);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(BaseAddress, request.RequestUri);
        var sent = _cookies.Values.Where(c => uri.AbsolutePath.StartsWith(c.Path, StringComparison.Ordinal)).ToList();
        if (sent.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", sent.Select(c => $"{c.Name}={c.Value}")));
        }

        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                SetCookieHeaders.Add(header);
                Store(header);
            }
        }

        return response;
    }

    /// <summary>Where a redirection goes, as an absolute address.</summary>
    public Uri LocationOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location
                       ?? throw new InvalidOperationException($"No Location in a {(int)response.StatusCode} answer.");
        return location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
    }

    /// <summary>Every hidden field of the page's (first) form, by name, HTML-decoded.</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (!string.Equals(Attribute(tag, "type"), "hidden", StringComparison.OrdinalIgnoreCase) || Attribute(tag, "name") is not { } name)
            {
                continue;
            }

            fields.TryAdd(name, Attribute(tag, "value") ?? "");
        }

        return fields;
    }

    public static string AntiforgeryToken(string html) =>
        HiddenFields(html).GetValueOrDefault("__RequestVerificationToken")
        ?? throw new InvalidOperationException("The page has no anti-forgery token.");

    /// <summary>The page's text as a person reads it (entities decoded).</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{Regex.Escape(name)}\s*=\s*(""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    private Uri Resolve(string url) => new(url, UriKind.RelativeOrAbsolute);

    private void Store(string header)
    {
        var parts = header.Split(';');
        var pair = parts[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }

        var cookie = new StoredCookie(pair[..equals].Trim(), pair[(equals + 1)..].Trim(), "/");
        var deleted = cookie.Value.Length == 0;
        foreach (var attribute in parts.Skip(1))
        {
            var separator = attribute.IndexOf('=', StringComparison.Ordinal);
            var key = (separator < 0 ? attribute : attribute[..separator]).Trim();
            var value = separator < 0 ? "" : attribute[(separator + 1)..].Trim();
            if (key.Equals("path", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                cookie = cookie with { Path = value };
            }
            else if (key.Equals("max-age", StringComparison.OrdinalIgnoreCase)
                     && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxAge) && maxAge <= 0)
            {
                deleted = true;
            }
            else if (key.Equals("expires", StringComparison.OrdinalIgnoreCase)
                     && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
                     && expires <= DateTimeOffset.UtcNow)
            {
                deleted = true;
            }
        }

        if (deleted)
        {
            _cookies.Remove(cookie.Name);
        }
        else
        {
            _cookies[cookie.Name] = cookie;
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    private sealed record StoredCookie(string Name, string Value, string Path);
}
