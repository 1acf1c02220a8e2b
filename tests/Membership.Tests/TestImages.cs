using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Membership.Tests;

/// <summary>Real image files made in the test: PNG and JPEG drawn with SkiaSharp, GIF written by hand, and crafted ones.</summary>
public static class TestImages
{
    /// <summary>A PNG of that size: left half red, right half blue (so that a rotation can be seen).</summary>
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality);

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>A PNG of noise: it does not compress, so its size is about 3 bytes a pixel.</summary>
    public static byte[] NoisyPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var random = new Random(42);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// A GIF89a of that size, two colours (left half red, right half blue), LZW-coded without compression:
    /// a clear code every two pixels keeps the codes 3 bits wide.
    /// </summary>
    public static byte[] Gif(int width, int height)
    {
        var output = new MemoryStream();
        output.Write("GIF89a"u8);
        WriteUInt16(output, width);
        WriteUInt16(output, height);
        output.WriteByte(0x81); // global colour table of 4 entries
        output.WriteByte(0);
        output.WriteByte(0);
        output.Write([255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0]);
        output.WriteByte(0x2C); // image descriptor
        WriteUInt16(output, 0);
        WriteUInt16(output, 0);
        WriteUInt16(output, width);
        WriteUInt16(output, height);
        output.WriteByte(0);
        output.WriteByte(2); // LZW minimum code size: clear = 4, end = 5

        var bits = new BitWriter();
        for (var i = 0; i < width * height; i++)
        {
            if (i % 2 == 0)
            {
                bits.Write(4, 3);
            }

            bits.Write(i % width < width / 2 ? 0 : 1, 3);
        }

        bits.Write(5, 3);
        var data = bits.ToArray();
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            output.WriteByte((byte)length);
            output.Write(data, offset, length);
        }

        output.WriteByte(0);
        output.WriteByte(0x3B);
        return output.ToArray();
    }

    /// <summary>
    /// A tiny but well-formed PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels
    /// (a decompression bomb's shape): signature, IHDR, a short IDAT, IEND.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        WriteChunk(output, "IHDR", header);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF block after its start marker: an orientation, and a description
    /// standing for what a phone writes there (a place, a device).
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, string description)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new MemoryStream();
        tiff.Write("MM\0\x2A"u8);
        WriteUInt32BigEndian(tiff, 8);
        WriteUInt16BigEndian(tiff, 2); // two entries
        // ImageDescription (0x010E), ASCII, count, offset to the text after the IFD.
        WriteUInt16BigEndian(tiff, 0x010E);
        WriteUInt16BigEndian(tiff, 2);
        WriteUInt32BigEndian(tiff, (uint)text.Length);
        WriteUInt32BigEndian(tiff, 8 + 2 + (2 * 12) + 4);
        // Orientation (0x0112), SHORT, 1, value in the first two bytes.
        WriteUInt16BigEndian(tiff, 0x0112);
        WriteUInt16BigEndian(tiff, 3);
        WriteUInt32BigEndian(tiff, 1);
        WriteUInt16BigEndian(tiff, orientation);
        WriteUInt16BigEndian(tiff, 0);
        WriteUInt32BigEndian(tiff, 0); // no next IFD
        tiff.Write(text);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff.ToArray()).ToArray();
        var segment = new MemoryStream();
        segment.Write([0xFF, 0xE1]);
        WriteUInt16BigEndian(segment, (ushort)(payload.Length + 2));
        segment.Write(payload);
        return [.. jpeg.Take(2), .. segment.ToArray(), .. jpeg.Skip(2)];
    }

    /// <summary>The colour of a pixel of an encoded image.</summary>
    public static SKColor PixelOf(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }

    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        return (codec.Info.Width, codec.Info.Height);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static void WriteUInt16(Stream output, int value)
    {
        output.WriteByte((byte)(value & 0xFF));
        output.WriteByte((byte)(value >> 8));
    }

    private static void WriteUInt16BigEndian(Stream output, ushort value)
    {
        output.WriteByte((byte)(value >> 8));
        output.WriteByte((byte)(value & 0xFF));
    }

    private static void WriteUInt32BigEndian(Stream output, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        output.Write(bytes);
    }

    /// <summary>LZW codes packed least significant bit first, as GIF wants them.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _count;

        public void Write(int code, int width)
        {
            for (var i = 0; i < width; i++)
            {
                _current |= ((code >> i) & 1) << _count;
                if (++_count == 8)
                {
                    _bytes.Add((byte)_current);
                    _current = 0;
                    _count = 0;
                }
            }
        }

        public byte[] ToArray() => _count > 0 ? [.. _bytes, (byte)_current] : [.. _bytes];
    }
}
