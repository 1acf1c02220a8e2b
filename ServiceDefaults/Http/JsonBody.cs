using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Nege.ServiceDefaults.Http;

/// <summary>
/// Reads a JSON request body strictly: malformed JSON, unknown fields and values of the wrong type
/// each get a French message under the field's name, instead of a bare 400.
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

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

            if (!errors.IsEmpty)
            {
                return JsonBodyResult<T>.Invalid(errors);
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(Options);
                return value is null
                    ? JsonBodyResult<T>.Invalid(ValidationErrors.Single("", "Le corps de la requête est vide."))
                    : JsonBodyResult<T>.Valid(value);
            }
            catch (JsonException exception)
            {
                var field = exception.Path is { Length: > 2 } path ? path[2..] : "";
                return JsonBodyResult<T>.Invalid(ValidationErrors.Single(field, "La valeur n'a pas le type attendu."));
            }
        }
    }

    private static class KnownFields<T>
    {
        public static readonly HashSet<string> Names = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                                ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}

public sealed class JsonBodyResult<T> where T : class
{
    private JsonBodyResult(T? value, ValidationErrors? errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public ValidationErrors? Errors { get; }

    public static JsonBodyResult<T> Valid(T value) => new(value, null);

    public static JsonBodyResult<T> Invalid(ValidationErrors errors) => new(null, errors);
}
