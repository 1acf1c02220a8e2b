using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nege.ServiceDefaults.Data;
using Nege.Site.Api;

namespace Nege.Site.Membership;

public static class ProblemDisplay
{
    public const string SessionExpired = "Votre session n'est plus valide : déconnectez-vous puis reconnectez-vous.";

    public const string Unavailable = "Le service des comptes n'a pas pu traiter la demande. Veuillez réessayer dans quelques instants.";

    /// <summary>
    /// Shows the API's answer to the person: each field's messages beside that field
    /// (<paramref name="prefix"/>.<c>Field</c>), the title or detail at the top when no field is named.
    /// </summary>
    public static void AddProblem(this ModelStateDictionary modelState, ApiException exception, string prefix = "Input")
    {
        if (exception.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            modelState.AddModelError("", SessionExpired);
            return;
        }

        var problem = exception.Problem;
        var fieldErrors = 0;
        foreach (var (field, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            var key = FieldKey(field, prefix);
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
                fieldErrors++;
            }
        }

        if (fieldErrors == 0)
        {
            modelState.AddModelError("", problem?.Detail ?? problem?.Title ?? exception.Unavailable);
        }
    }

    /// <summary><c>email</c>, <c>$.lastName</c>, <c>roles[0]</c> → <c>Input.Email</c>, <c>Input.LastName</c>, <c>Input.Roles</c>.</summary>
    public static string FieldKey(string field, string prefix)
    {
        var name = field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field;
        var end = name.IndexOfAny(['.', '[']);
        name = end >= 0 ? name[..end] : name;
        if (name.Length == 0)
        {
            return "";
        }

        name = char.ToUpperInvariant(name[0]) + name[1..];
        return prefix.Length == 0 ? name : prefix + "." + name;
    }
}

/// <summary>How the site writes dates for people: French, Paris time.</summary>
public static class Display
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateTimeOffset? value) =>
        value is { } date ? TimeZoneInfo.ConvertTime(date, ParisTime.Zone).ToString("dd/MM/yyyy 'à' HH:mm", French) : "—";

    public static string Role(string role) => Nege.ServiceDefaults.Security.NegeRoles.Labels.TryGetValue(role, out var label) ? label : role;
}
