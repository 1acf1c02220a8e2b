using System.Security.Cryptography;

namespace Nege.AppHost.Infrastructure;

internal static class Secrets
{
    /// <summary>A password generated once and kept in the (git-ignored) state folder.</summary>
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, password);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }
}
