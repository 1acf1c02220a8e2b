using SkiaSharp;

namespace Nege.Directory.Logos;

/// <summary>A logo as the directory serves it: PNG (transparency kept), scaled down to fit its box, never up.</summary>
public static class LogoImage
{
    public const int FitSide = 256;

    public const string ContentType = "image/png";

    /// <summary>Membership stores logos at 300 pixels at most: anything far bigger is refused before its pixels are decoded.</summary>
    private const int MaxSide = 4000;

    /// <summary>The PNG to serve, or null when <paramref name="bytes"/> is not an image Skia can read.</summary>
    public static byte[]? Fit(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width is 0 or > MaxSide || codec.Info.Height is 0 or > MaxSide)
        {
            return null;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, Math.Min((double)FitSide / width, (double)FitSide / height));
        using var scaled = scale < 1.0
            ? decoded.Resize(
                new SKImageInfo(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKCubicResampler.Mitchell))
            : null;
        using var encoded = (scaled ?? decoded).Encode(SKEncodedImageFormat.Png, 100);
        return encoded?.ToArray();
    }
}
