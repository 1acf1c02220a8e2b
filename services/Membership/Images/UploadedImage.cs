using Nege.ServiceDefaults.Http;
using SkiaSharp;

namespace Nege.Membership.Images;

/// <summary>How big an upload may be, and the box it is scaled to fit. <paramref name="Feminine"/>: « La photo … lue », « Le logo … lu ».</summary>
public sealed record ImageLimits(string What, int MaxBytes, int MaxSide, int FitSide, bool Feminine = false)
{
    /// <summary>« Logo (taille maximale recommandée 300x300, moins de 200 Ko) ».</summary>
    public static readonly ImageLimits Logo = new("Le logo", 200 * 1024, 4000, 300);

    /// <summary>« Votre visage ou image virtuelle ».</summary>
    public static readonly ImageLimits Photo = new("La photo", 1024 * 1024, 4000, 300, Feminine: true);

    /// <summary>The feminine ending of a past participle or adjective agreeing with <see cref="What"/>.</summary>
    internal string E => Feminine ? "e" : "";
}

/// <summary>
/// Checks an uploaded image by its content (PNG, JPEG or GIF signature, then a real decode), bounds its
/// size and dimensions before decoding it, and re-encodes it scaled to fit its box: the stored file
/// carries no metadata (a photo's location, say) and cannot be anything but an image.
/// </summary>
public static class UploadedImage
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();

    /// <summary>The stored image, or null with a message under <paramref name="field"/>.</summary>
    public static StoredImage? Accept(string base64, ImageLimits limits, string field, ValidationErrors errors, DateTimeOffset now)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            errors.Add(field, $"{limits.What} n'a pas pu être lu{limits.E} : le fichier doit être transmis en base64.");
            return null;
        }

        var image = Accept(bytes, limits, out var problem, now);
        if (image is null)
        {
            errors.Add(field, problem!);
        }

        return image;
    }

    public static StoredImage? Accept(byte[] bytes, ImageLimits limits, out string? problem, DateTimeOffset now)
    {
        problem = null;
        if (bytes.Length == 0)
        {
            problem = $"{limits.What} est vide.";
            return null;
        }

        if (bytes.Length > limits.MaxBytes)
        {
            problem = $"{limits.What} ne doit pas dépasser {FileSize.French(limits.MaxBytes)} (le fichier fait {FileSize.French(bytes.Length)}).";
            return null;
        }

        var format = FormatOf(bytes);
        if (format is null)
        {
            problem = $"{limits.What} doit être une image PNG, JPEG ou GIF.";
            return null;
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            problem = $"{limits.What} n'est pas une image lisible.";
            return null;
        }

        // Read from the header, before any pixel is decoded: a small file can claim a huge canvas.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > limits.MaxSide || height > limits.MaxSide)
        {
            problem = $"{limits.What} est trop grand{limits.E} ({width}×{height} pixels) : {limits.MaxSide}×{limits.MaxSide} pixels au plus.";
            return null;
        }

        using var undecoded = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (undecoded is null)
        {
            problem = $"{limits.What} n'est pas une image lisible.";
            return null;
        }

        // The EXIF orientation (a phone held sideways) is not kept with the metadata: apply it to the pixels.
        using var upright = Upright(undecoded, codec.EncodedOrigin);
        var decoded = upright ?? undecoded;
        (width, height) = (decoded.Width, decoded.Height);
        var scale = Math.Min(1.0, Math.Min((double)limits.FitSide / width, (double)limits.FitSide / height));
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var scaled = scale < 1.0 ? decoded.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        var final = scaled ?? decoded;

        // Photos stay JPEG; everything else (PNG, GIF: transparency) becomes PNG.
        var (encodeAs, contentType) = format == SKEncodedImageFormat.Jpeg
            ? (SKEncodedImageFormat.Jpeg, "image/jpeg")
            : (SKEncodedImageFormat.Png, "image/png");
        using var encoded = final.Encode(encodeAs, 88);
        return new StoredImage
        {
            Id = Guid.CreateVersion7(now),
            ContentType = contentType,
            Content = encoded.ToArray(),
            Width = final.Width,
            Height = final.Height,
            CreatedAt = now,
        };
    }

    /// <summary>The pixels as people are meant to see them, or null when they already are (Skia's SkEncodedOriginToMatrix).</summary>
    private static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } transform)
        {
            return null;
        }

        var swapped = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(new SKImageInfo(swapped ? h : w, swapped ? w : h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(transform);
        canvas.DrawBitmap(source, 0, 0);
        return upright;
    }

    private static SKEncodedImageFormat? FormatOf(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Png) ? SKEncodedImageFormat.Png
        : bytes.AsSpan().StartsWith(Jpeg) ? SKEncodedImageFormat.Jpeg
        : bytes.AsSpan().StartsWith(Gif87) || bytes.AsSpan().StartsWith(Gif89) ? SKEncodedImageFormat.Gif
        : null;
}
