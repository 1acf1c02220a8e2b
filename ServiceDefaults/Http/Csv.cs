using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nege.ServiceDefaults.Http;

/// <summary>CSV exports as French spreadsheets open them: « ; » between cells, CRLF, UTF-8 with its byte-order mark.</summary>
public static class Csv
{
    /// <summary>One line of cells.</summary>
    public static StringBuilder AppendRow(this StringBuilder csv, params IEnumerable<string> cells) =>
        csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");

    /// <summary>A cell: quoted when it holds the separator, a quote or a line break; a leading formula sign is neutralised.</summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    /// <summary>The download, never cached (it holds what only its reader may see).</summary>
    public static FileContentHttpResult File(StringBuilder csv, string fileName, HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", fileName);
    }
}
