using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nege.Site.Pages.EspaceMembre.Organisme;

/// <summary>
/// The validation messages of a form (model state, filled by <c>ProblemDisplay.AddProblem</c>) as the
/// member area's forms show them: beside the field, tied to it with <c>aria-describedby</c> and
/// <c>aria-invalid</c>, and summarised at the top with a link to each field (<c>_Erreurs.cshtml</c>).
/// Fields keep the ids of <c>asp-for</c>: <c>Input.Name</c> → <c>Input_Name</c>.
/// </summary>
public static class FormErrors
{
    public static string IdOf(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public static IReadOnlyList<string> MessagesOf(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(error => error.ErrorMessage)] : [];

    /// <summary>Every message, the field's key first ("" for the messages about the whole form).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All(ModelStateDictionary modelState) =>
        [.. modelState.SelectMany(entry => (entry.Value?.Errors ?? []).Select(error => KeyValuePair.Create(entry.Key, error.ErrorMessage)))];

    /// <summary><c>aria-invalid</c> of a field: "true" or left out.</summary>
    public static string? Invalid(this IHtmlHelper html, string key) =>
        html.ViewData.ModelState.MessagesOf(key).Count > 0 ? "true" : null;

    /// <summary><c>aria-describedby</c> of a field: its help (<c>…-aide</c>) when it has one, its message when it has one.</summary>
    public static string? DescribedBy(this IHtmlHelper html, string key, bool withHelp = false)
    {
        var id = IdOf(key);
        var ids = new List<string>(2);
        if (withHelp)
        {
            ids.Add(id + "-aide");
        }

        if (html.ViewData.ModelState.MessagesOf(key).Count > 0)
        {
            ids.Add(id + "-erreur");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The field's messages, to write beside it.</summary>
    public static IHtmlContent ErrorBeside(this IHtmlHelper html, string key)
    {
        var messages = html.ViewData.ModelState.MessagesOf(key);
        if (messages.Count == 0)
        {
            return HtmlString.Empty;
        }

        var span = new TagBuilder("span");
        span.AddCssClass("erreur-champ");
        span.Attributes["id"] = IdOf(key) + "-erreur";
        span.InnerHtml.Append(string.Join(" ", messages));
        return span;
    }
}
