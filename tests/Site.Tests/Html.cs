using System.Net;
using System.Text.RegularExpressions;

namespace Site.Tests;

public static partial class Html
{
    /// <summary>The page's text with character references decoded.</summary>
    public static async Task<string> ReadPageAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The anti-forgery token of the first form of the page.</summary>
    public static string AntiforgeryToken(string page)
    {
        var match = TokenInput().Match(page);
        Assert.True(match.Success, "the page has a form with an anti-forgery token");
        return match.Groups["value"].Value;
    }

    /// <summary>The Set-Cookie header of the cookie named <paramref name="name"/> (or starting with it).</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(cookie => cookie.StartsWith(name, StringComparison.Ordinal))
              ?? throw new Xunit.Sdk.XunitException($"no cookie {name} in: {string.Join(" | ", cookies)}")
            : throw new Xunit.Sdk.XunitException("no Set-Cookie header");

    public static void AssertProtected(string setCookie, string sameSite)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=" + sameSite, attributes);
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1].Replace('+', ' ') : ""));

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
