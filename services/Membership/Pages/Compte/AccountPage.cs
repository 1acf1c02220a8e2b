using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nege.ServiceDefaults.Http;

namespace Nege.Membership.Pages.Compte;

/// <summary>An account page: its French validation messages, shown beside each field and summarised at the top.</summary>
public abstract class AccountPage : PageModel
{
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    protected void Show(ValidationErrors errors) => Errors = errors.ToDictionary();

    public bool HasError(string field) => Errors.ContainsKey(field);

    /// <summary>The attributes that tie a field to its message for assistive technologies.</summary>
    public string Described(string field) => HasError(field) ? $"{field}-erreur" : "";

    /// <summary><c>aria-invalid</c> on a field with a message (Razor leaves the attribute out when null).</summary>
    public string? Invalid(string field) => HasError(field) ? "true" : null;

    /// <summary>The field's messages, beside it.</summary>
    public IHtmlContent FieldError(string field) => Errors.TryGetValue(field, out var messages)
        ? new HtmlString($"<span class=\"erreur-champ\" id=\"{field}-erreur\">{Html.Encode(string.Join(" ", messages))}</span>")
        : HtmlString.Empty;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
}
