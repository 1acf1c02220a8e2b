using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Nege.Site.Membership;

namespace Nege.Site.Pages.Adhesion;

// What the application forms (the applicant's and the board's) share to show errors accessibly.

/// <summary>
/// A field (<c>asp-for</c>) or a group of fields (<c>&lt;fieldset champ="Input.Perimeter"&gt;</c>) in error gets
/// <c>aria-invalid</c> and is described by its message (see <see cref="FieldErrorTagHelper"/>); a group gets an id
/// the summary at the top links to.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("fieldset", Attributes = GroupAttribute)]
public sealed class FieldStateTagHelper : TagHelper
{
    public const string GroupAttribute = "champ";

    /// <summary>After the framework's tag helpers, which write the field's id.</summary>
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(GroupAttribute)]
    public string? Group { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Group ?? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For?.Name ?? "");
        var id = ApplicationProblems.FieldId(name);
        if (Group is not null)
        {
            output.Attributes.SetAttribute("id", id);
            output.Attributes.SetAttribute("tabindex", "-1");
        }

        var describedBy = (output.Attributes["aria-describedby"]?.Value?.ToString() ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            describedBy.Add(id + FieldErrorTagHelper.IdSuffix);
            if (Group is null)
            {
                output.Attributes.SetAttribute("aria-invalid", "true");
            }
        }

        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }
        else
        {
            output.Attributes.RemoveAll("aria-describedby");
        }
    }
}

/// <summary><c>&lt;erreur-champ pour="Input.Email" /&gt;</c>: the field's messages, with the id its field is described by; nothing when it has none.</summary>
[HtmlTargetElement("erreur-champ", Attributes = "pour", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public const string IdSuffix = "-erreur";

    [HtmlAttributeName("pour")]
    public string Name { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(Name, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", ApplicationProblems.FieldId(Name) + IdSuffix);
        output.Attributes.SetAttribute("class", "field-validation-error");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(ApplicationProblems.MessageOf)));
    }
}

/// <summary>A group of checkboxes (several values) or radio buttons (one), for the shared partial <c>_ApplicationChoices</c>.</summary>
public sealed record ChoiceGroup(
    string Name,
    string Legend,
    IReadOnlyList<Choice> Options,
    IReadOnlyCollection<string> Selected,
    bool Multiple = true,
    string? Help = null,
    bool Required = false)
{
    public static IReadOnlyList<Choice> Of(IEnumerable<string> values) => [.. values.Select(value => new Choice(value, value))];
}

public sealed record Choice(string Value, string Label);

/// <summary>
/// A form with a file (photo, logo) is capped at <see cref="Bytes"/>. Beyond it, the body cannot even be read for its
/// anti-forgery token: the person gets the form back with a French message (<c>?etat=trop-volumineux</c>) rather than a bare 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IAlwaysRunResultFilter
{
    public const long Bytes = 2 * 1024 * 1024;

    public const string TooLarge = "trop-volumineux";

    public const string TooLargeMessage =
        "Le formulaire envoyé est trop volumineux (2 Mo au plus) : la photo ne doit pas dépasser 1 Mo et le logo 200 Ko. Choisissez un fichier plus léger puis enregistrez à nouveau.";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (context.Result is IAntiforgeryValidationFailedResult && request.ContentLength > Bytes)
        {
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?etat={TooLarge}");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
