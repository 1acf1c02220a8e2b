using System.Net.Mail;

namespace Nege.ServiceDefaults.Http;

public static class EmailAddress
{
    /// <summary>A single plain address (<c>local@domain.tld</c>), no display name, no spaces.</summary>
    public static bool IsValid(string value)
    {
        if (value.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(value, out var address))
        {
            return false;
        }

        var host = address.Host;
        return string.Equals(address.Address, value, StringComparison.Ordinal)
               && host.Contains('.', StringComparison.Ordinal)
               && !host.StartsWith('.')
               && !host.EndsWith('.');
    }
}
