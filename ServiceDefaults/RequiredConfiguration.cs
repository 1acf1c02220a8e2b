using Microsoft.Extensions.Configuration;

namespace Nege.ServiceDefaults;

/// <summary>Reads configuration that a service cannot start without, failing fast with the key's name.</summary>
public static class RequiredConfiguration
{
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Missing configuration: connection string '{name}' (set ConnectionStrings__{name}).");

    public static string GetRequiredValue(this IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Missing configuration: '{key}' (set {key.Replace(":", "__", StringComparison.Ordinal)}).");
}
