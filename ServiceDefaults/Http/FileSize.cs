using System.Globalization;

namespace Nege.ServiceDefaults.Http;

/// <summary>A file's size as people read it, in French.</summary>
public static class FileSize
{
    private const long Mebibyte = 1024 * 1024;

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// « 200 Ko », « 1 Mo », « 1,5 Mo »: rounded up (to the Ko, to the tenth of a Mo), so that a file
    /// just over a limit never reads as the limit itself.
    /// </summary>
    public static string French(long bytes) => bytes >= Mebibyte
        ? string.Create(Culture, $"{Math.Ceiling(bytes * 10.0 / Mebibyte) / 10:0.#} Mo")
        : $"{(bytes + 1023) / 1024} Ko";
}
