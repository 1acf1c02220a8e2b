using System.Reflection;

namespace Nege.Membership.Accounts;

/// <summary>
/// Passwords people choose most often (a list shipped with the service, compared without regard to
/// case): refused even when long enough.
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> List = Load();

    public static bool Contains(string password) => List.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nege.Membership.Accounts.common-passwords.txt")
                           ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }
}
