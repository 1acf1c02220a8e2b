namespace Nege.Site.Forms;

/// <summary>A file sent with a form (a photo, a logo; see <see cref="FormSizeLimitAttribute"/> for its cap).</summary>
public static class UploadedFile
{
    /// <summary>The file as the Membership API takes it (base64); null when no file was chosen.</summary>
    public static async Task<string?> Base64Async(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        return Convert.ToBase64String(content.ToArray());
    }
}
