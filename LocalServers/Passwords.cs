using System.Security.Cryptography;

namespace Nege.LocalServers;

public static class Passwords
{
    /// <summary>A random password safe in a URL and a connection string (hex).</summary>
    public static string Generate() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
