using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.Site.Membership;
using Nege.Contracts.Api.Membership;

namespace Nege.Site.Pages.Adhesion;

/// <summary>
/// A page of the « Devenir adhérent » journey, which works on the visitor's draft: the one whose id and key
/// the <see cref="CookieName"/> cookie holds (data-protected, HttpOnly, 30 days), or else the logged-in
/// person's own (their bearer token opens it).
/// </summary>
public abstract class DraftPageModel(MembershipApi api, IDataProtectionProvider dataProtection) : PageModel
{
    public const string CookieName = "nege.adhesion";

    public const string CookiePath = "/adhesion";

    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(30);

    /// <summary>The cap of the forms with a file (the photo, 1 Mo; the logo, 200 Ko), see <see cref="Forms.FormSizeLimitAttribute"/>.</summary>
    public const long MaxFormBytes = 2 * 1024 * 1024;

    public const string FormTooLargeMessage =
        "Le formulaire envoyé est trop volumineux (2 Mo au plus) : la photo ne doit pas dépasser 1 Mo et le logo 200 Ko. Choisissez un fichier plus léger puis enregistrez à nouveau.";

    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("Nege.Site.Adhesion.Draft").ToTimeLimitedDataProtector();

    protected MembershipApi Api => api;

    /// <summary>The draft found by <see cref="FindDraftAsync"/>.</summary>
    public ApplicationView? Draft { get; protected set; }

    /// <summary>How to open <see cref="Draft"/>.</summary>
    protected DraftAccess? Access { get; private set; }

    /// <summary>The visitor's draft, still a draft; null when there is none (a stale cookie is then removed).</summary>
    protected async Task<ApplicationView?> FindDraftAsync(CancellationToken ct)
    {
        if (ReadCookie() is { } remembered)
        {
            try
            {
                if (await api.GetDraftAsync(remembered, ct) is { IsDraft: true } draft)
                {
                    Access = remembered;
                    return Draft = draft;
                }
            }
            catch (MembershipApiException exception) when (exception.Status == HttpStatusCode.NotFound)
            {
                // Deleted, or the key no longer opens it: as if there were no cookie.
            }

            ForgetDraft();
        }

        if (User.Identity?.IsAuthenticated == true && await api.GetMyDraftAsync(ct) is { IsDraft: true } mine)
        {
            Access = new DraftAccess(mine.Id, null);
            return Draft = mine;
        }

        return null;
    }

    protected void RememberDraft(DraftAccess access)
    {
        Access = access;
        Response.Cookies.Append(CookieName, protector.Protect($"{access.Id}\n{access.Key}", CookieLifetime), CookieOptions(DateTimeOffset.UtcNow + CookieLifetime));
    }

    protected void ForgetDraft() => Response.Cookies.Delete(CookieName, CookieOptions(null));

    private DraftAccess? ReadCookie()
    {
        if (Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('\n');
            return parts is [{ Length: > 0 } id, { Length: > 0 } key] ? new DraftAccess(id, key) : null;
        }
        catch (CryptographicException)
        {
            // Expired, or protected with a key that no longer exists.
            return null;
        }
    }

    private CookieOptions CookieOptions(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = CookiePath,
        Expires = expires,
        IsEssential = true,
    };

    /// <summary>Whether one of these fields of <c>Input</c> (or of its groups: <c>Workplace</c>…) is in error: its section then shows open.</summary>
    public bool HasErrors(params string[] fields) =>
        ModelState.Any(entry => entry.Value?.Errors.Count > 0
            && fields.Any(field => entry.Key.StartsWith("Input." + field, StringComparison.Ordinal)));

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
