using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Nege.ServiceDefaults.Http;

/// <summary>
/// A route, query or header value the framework cannot bind (« page=abc », a malformed JSON body on a typed parameter)
/// is a 400 whose problem names the parameter and says, in French, what was expected, like the endpoints' own
/// validation problems (an <c>errors</c> map from field to messages).
/// </summary>
public static partial class BindingFailures
{
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided""")]
    private static partial Regex Missing();

    [GeneratedRegex("""parameter "(?<type>[^"]+) (?<name>[^" ]+)" from the request body as JSON""")]
    private static partial Regex UnreadableBody();

    /// <summary>The field and its French message; null when the failure is not one of binding.</summary>
    public static (string Field, string Message)? Describe(BadHttpRequestException failure)
    {
        var message = failure.Message;
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            var value = bind.Groups["value"].Value;
            var shown = value.Length > 40 ? value[..40] + "…" : value;
            return (Camel(bind.Groups["name"].Value), $"La valeur « {shown} » n'est pas valable (attendu : {Expected(bind.Groups["type"].Value)}).");
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            return (Camel(missing.Groups["name"].Value), $"Ce paramètre est obligatoire (attendu : {Expected(missing.Groups["type"].Value)}).");
        }

        if (UnreadableBody().IsMatch(message))
        {
            return ("", "Le corps de la requête n'est pas un JSON valide, ou un champ n'a pas le type attendu.");
        }

        return null;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The framework writes « int? », « Nullable&lt;int&gt; » or « Int32 » depending on the parameter.</summary>
    private static string Expected(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type["Nullable<".Length..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "un nombre entier",
        "decimal" or "double" or "float" => "un nombre",
        "bool" or "Boolean" => "« true » ou « false »",
        "Guid" => "un identifiant (GUID)",
        "DateOnly" => "une date au format AAAA-MM-JJ",
        "DateTimeOffset" or "DateTime" => "une date et une heure au format ISO 8601",
        _ => "une valeur valable",
    };
}
