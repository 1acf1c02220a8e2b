using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nege.ServiceDefaults.Http;

/// <summary>Per-field validation messages (in French), turned into an RFC 9457 validation problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public static ValidationErrors Single(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public ValidationErrors AddIf(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public ValidationErrors Merge(ValidationErrors other)
    {
        foreach (var (field, messages) in other._errors.ToList())
        {
            foreach (var message in messages.ToList())
            {
                Add(field, message);
            }
        }

        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            ToDictionary(),
            title: "Certaines informations sont invalides.",
            detail: "Corrigez les champs signalés puis renvoyez la demande.");
}
