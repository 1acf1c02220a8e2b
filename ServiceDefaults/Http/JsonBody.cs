using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Nege.ServiceDefaults.Http;

/// <summary>
/// Reads a JSON request body strictly: malformed JSON, unknown fields and values of the wrong type
/// each get a French message under the field's name, instead of a bare 400.
/// </summary>
public static partial class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return JsonBodyResult<T>.Invalid(ValidationErrors.Single("", "Le corps de la requête doit être au format JSON (Content-Type: application/json)."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return JsonBodyResult<T>.Invalid(ValidationErrors.Single("", "Le corps de la requête n'est pas un JSON valide."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return JsonBodyResult<T>.Invalid(ValidationErrors.Single("", "Le corps de la requête doit être un objet JSON."));
            }

            var known = KnownFields<T>.Names;
            var errors = new ValidationErrors();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    errors.Add(property.Name, "Ce champ n'est pas attendu.");
                }
            }

            try
            {
                // Unknown fields are reported above and skipped here, so that the caller can add the
                // known fields' own messages: one answer lists every problem.
                var value = document.RootElement.Deserialize<T>(Options);
                return value is null
                    ? JsonBodyResult<T>.Invalid(errors.Add("", "Le corps de la requête est vide."))
                    : new JsonBodyResult<T>(value, errors);
            }
            catch (JsonException exception)
            {
                return JsonBodyResult<T>.Invalid(errors.Add(KnownFields<T>.FieldOf(exception.Path), "La valeur n'a pas le type attendu."));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex PathSegment();

    private static class KnownFields<T>
    {
        public static readonly HashSet<string> Names = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                                ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The field a JSON path is about, as the model names it: <c>$.count</c> and <c>$['count']</c>
        /// give <c>count</c>, <c>$.perimeter.alsace</c> gives <c>perimeter.alsace</c>, array indices are dropped.
        /// </summary>
        public static string FieldOf(string? path)
        {
            if (path is null || path.Length <= 2)
            {
                return "";
            }

            var names = PathSegment().Matches(path[1..]).Select(match => match.Groups["name"].Value).Where(name => name.Length > 0).ToList();
            if (names.Count == 0)
            {
                return "";
            }

            names[0] = Names.TryGetValue(names[0], out var canonical) ? canonical : names[0];
            return string.Join('.', names);
        }
    }
}

/// <summary>
/// The body read: <see cref="Value"/> when it could be read (possibly with unknown fields already in
/// <see cref="Errors"/>), or null when it could not be read at all.
/// </summary>
public sealed class JsonBodyResult<T>(T? value, ValidationErrors errors) where T : class
{
    public T? Value { get; } = value;

    public ValidationErrors Errors { get; } = errors;

    public static JsonBodyResult<T> Invalid(ValidationErrors errors) => new(null, errors);
}
