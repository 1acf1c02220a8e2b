using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nege.Site.Forms;

/// <summary>
/// A field (<c>asp-for</c>) or a group of fields (<c>&lt;fieldset champ="Input.Perimeter"&gt;</c>) in error gets
/// <c>aria-invalid</c> and is described by its message (see <see cref="FieldErrorTagHelper"/>) after what the page
/// already describes it with (its help); a group gets the id the error summary links to.
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
        var id = FormField.Id(name);
        if (Group is not null)
        {
            output.Attributes.SetAttribute("id", id);
            output.Attributes.SetAttribute("tabindex", "-1");
        }

        var invalid = FormField.Messages(ViewContext.ModelState, name).Count > 0;
        var describedBy = (output.Attributes["aria-describedby"]?.Value?.ToString() ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (invalid)
        {
            describedBy.Add(id + FormField.ErrorSuffix);
        }

        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }
        else
        {
            output.Attributes.RemoveAll("aria-describedby");
        }

        // aria-invalid is said by fields, not by the fieldset around them (see _ChoiceGroup).
        if (invalid && Group is null)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
