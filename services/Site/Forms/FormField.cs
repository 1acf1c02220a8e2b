using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nege.Site.Forms;

/// <summary>
/// How the site's forms tie a field to its help and its messages: the field keeps the id <c>asp-for</c> gives it
/// (<c>Input.Email</c> → <c>Input_Email</c>), its help is <c>Input_Email-aide</c> and its message <c>Input_Email-erreur</c>.
/// The messages are those of the model state (see <c>ProblemDisplay.AddProblem</c>), the key <c>""</c> being the whole form's.
/// </summary>
public static class FormField
{
    public const string HelpSuffix = "-aide";

    public const string ErrorSuffix = "-erreur";

    /// <summary>The id the framework gives the field named <paramref name="name"/>.</summary>
    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>The messages about the field named <paramref name="name"/>, as people read them.</summary>
    public static IReadOnlyList<string> Messages(ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) ? [.. entry.Errors.Select(Message)] : [];

    /// <summary>Every message, with the name of its field (<c>""</c> for those about the whole form).</summary>
    public static IReadOnlyList<(string Field, string Message)> AllMessages(ModelStateDictionary modelState) =>
        [.. modelState.SelectMany(entry => (entry.Value?.Errors ?? []).Select(error => (entry.Key, Message(error))))];

    /// <summary>A binding error the framework left without a message still says something.</summary>
    public static string Message(ModelError error) =>
        error.ErrorMessage is { Length: > 0 } message ? message : "La valeur saisie n'est pas valide.";
}
