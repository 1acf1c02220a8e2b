using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nege.Site.Forms;

/// <summary>
/// Caps the size of the forms posted to a page (one with a file: a photo, a logo) at <paramref name="maxBytes"/>.
/// A form announced as bigger is not read: the person goes back to the page with <c>?etat=trop-volumineux</c>,
/// where <paramref name="message"/> shows beside <see cref="Field"/> (by default in the error summary at the top).
/// A body that does not announce its size stops being read at the cap (the server then answers 413).
/// Runs after the authorization filters and before the anti-forgery check, which reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormSizeLimitAttribute(long maxBytes, string message) : Attribute, IAuthorizationFilter, IPageFilter, IOrderedFilter
{
    public const string TooLarge = "trop-volumineux";

    /// <summary>The field the message is about; <c>""</c>, the whole form.</summary>
    public string Field { get; set; } = "";

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

    /// <summary>Back on the page: the message, before the page's handler adds its own.</summary>
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) && request.Query["etat"] == TooLarge)
        {
            context.ModelState.AddModelError(Field, message);
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
