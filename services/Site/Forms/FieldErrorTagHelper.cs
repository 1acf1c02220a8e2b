using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nege.Site.Forms;

/// <summary>
/// <c>&lt;erreur-champ pour="Input.Email" /&gt;</c>: the field's messages beside it, with the id its field is
/// described by (see <see cref="FieldStateTagHelper"/>); nothing when it has none.
/// </summary>
[HtmlTargetElement("erreur-champ", Attributes = "pour", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("pour")]
    public string Name { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = FormField.Messages(ViewContext.ModelState, Name);
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "erreur-champ");
        output.Attributes.SetAttribute("id", FormField.Id(Name) + FormField.ErrorSuffix);
        output.Content.SetContent(string.Join(" ", messages));
    }
}
