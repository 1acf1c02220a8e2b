using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>
/// Caps the size of the forms posted to a page. A form announced as too big is not read: the person
/// goes back to the page with <c>?etat=trop-volumineux</c>, which says so in French. A body that does
/// not announce its size stops being read at the cap (the server then answers 413).
/// Runs after the authorization filters and before the anti-forgery check, which reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormSizeLimitAttribute(long maxBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string TooLarge = "trop-volumineux";

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        if (http.Request.ContentLength > maxBytes)
        {
            context.Result = new RedirectResult($"{http.Request.PathBase}{http.Request.Path}?etat={TooLarge}");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
