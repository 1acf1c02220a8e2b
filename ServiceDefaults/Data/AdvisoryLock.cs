using System.Security.Cryptography;
using System.Text;

namespace Nege.ServiceDefaults.Data;

/// <summary>PostgreSQL advisory-lock keys derived from names, so that no one picks numbers by hand.</summary>
public static class AdvisoryLock
{
    /// <summary>A stable 64-bit key for <paramref name="name"/> (string.GetHashCode is randomised per process).</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
}
