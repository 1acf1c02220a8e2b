using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Nege.ServiceDefaults.Http;

public static partial class EmailAddress
{
    /// <summary>
    /// A single plain address, <c>local@domain.tld</c>: no display name, no spaces or invisible
    /// characters, no IP literal, host labels of letters, digits and inner hyphens.
    /// </summary>
    public static bool IsValid(string value)
    {
        if (value.Any(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control)
            || !MailAddress.TryCreate(value, out var address)
            || !string.Equals(address.Address, value, StringComparison.Ordinal))
        {
            return false;
        }

        var local = address.User;
        var labels = address.Host.Split('.');
        return local.Length > 0
               && !local.StartsWith('.') && !local.EndsWith('.')
               && labels.Length >= 2
               && labels.All(label => HostLabel().IsMatch(label))
               && !labels[^1].All(char.IsAsciiDigit);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$")]
    private static partial Regex HostLabel();
}
