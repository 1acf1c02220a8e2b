using System.Text;
using Nege.Membership.Images;
using Nege.ServiceDefaults.Http;
using SkiaSharp;

namespace Membership.Tests;

/// <summary>
/// Logos and photos are checked by their content, bounded in bytes and pixels before being decoded, and
/// stored re-encoded to fit 300×300 with no metadata.
/// </summary>
public sealed class UploadedImageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, int, int, int, string> Scaled() => new()
    {
        { "png", 600, 300, 300, 150, "image/png" },
        { "png", 300, 300, 300, 300, "image/png" },
        { "png", 120, 80, 120, 80, "image/png" },
        { "png", 4000, 1, 300, 1, "image/png" },
        { "jpeg", 1000, 2000, 150, 300, "image/jpeg" },
        { "jpeg", 640, 480, 300, 225, "image/jpeg" },
        { "gif", 400, 100, 300, 75, "image/png" },
        { "gif", 20, 10, 20, 10, "image/png" },
    };

    [Theory]
    [MemberData(nameof(Scaled))]
    public void A_real_image_is_accepted_and_scaled_to_fit_300_by_300_keeping_its_ratio(
        string format, int width, int height, int storedWidth, int storedHeight, string contentType)
    {
        var file = format switch
        {
            "png" => TestImages.Png(width, height),
            "jpeg" => TestImages.Jpeg(width, height),
            _ => TestImages.Gif(width, height),
        };
        var errors = new ValidationErrors();

        var image = UploadedImage.Accept(TestImages.Base64(file), ImageLimits.Logo, "logo", errors, Now);

        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        Assert.NotNull(image);
        Assert.Equal(contentType, image.ContentType);
        Assert.Equal((storedWidth, storedHeight), (image.Width, image.Height));
        Assert.Equal((storedWidth, storedHeight), TestImages.SizeOf(image.Content));
        Assert.Equal(Now, image.CreatedAt);

        // What is stored is the picture: red on the left, blue on the right.
        var left = TestImages.PixelOf(image.Content, 0, storedHeight / 2);
        var right = TestImages.PixelOf(image.Content, storedWidth - 1, storedHeight / 2);
        Assert.True(left.Red > 200 && left.Blue < 60, $"left pixel {left}");
        Assert.True(right.Blue > 200 && right.Red < 60, $"right pixel {right}");
    }

    [Fact]
    public void The_stored_file_is_of_the_format_it_claims()
    {
        var png = UploadedImage.Accept(TestImages.Png(50, 50), ImageLimits.Logo, out _, Now)!;
        var jpeg = UploadedImage.Accept(TestImages.Jpeg(50, 50), ImageLimits.Photo, out _, Now)!;
        var gif = UploadedImage.Accept(TestImages.Gif(50, 50), ImageLimits.Logo, out _, Now)!;

        Assert.Equal(SKEncodedImageFormat.Png, FormatOf(png.Content));
        Assert.Equal(SKEncodedImageFormat.Jpeg, FormatOf(jpeg.Content));
        Assert.Equal(SKEncodedImageFormat.Png, FormatOf(gif.Content));
    }

    [Theory]
    [InlineData("Ceci n'est pas une image.")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>")]
    [InlineData("%PDF-1.7\n1 0 obj")]
    [InlineData("BM\u0036\0\0\0")]
    public void A_file_that_is_not_a_PNG_JPEG_or_GIF_is_refused_whatever_it_is_called(string content)
    {
        var errors = new ValidationErrors();

        var image = UploadedImage.Accept(Convert.ToBase64String(Encoding.UTF8.GetBytes(content)), ImageLimits.Logo, "logo", errors, Now);

        Assert.Null(image);
        Assert.Equal(["Le logo doit être une image PNG, JPEG ou GIF."], errors.ToDictionary()["logo"]);
    }

    [Fact]
    public void A_PNG_signature_in_front_of_anything_else_is_not_a_readable_image()
    {
        byte[] fake = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>")];
        var errors = new ValidationErrors();

        Assert.Null(UploadedImage.Accept(Convert.ToBase64String(fake), ImageLimits.Photo, "photo", errors, Now));
        Assert.Equal(["La photo n'est pas une image lisible."], errors.ToDictionary()["photo"]);
    }

    [Fact]
    public void A_logo_over_200_KB_is_refused_but_the_same_file_is_a_fine_photo()
    {
        var file = TestImages.NoisyPng(300, 300);
        Assert.InRange(file.Length, (200 * 1024) + 1, 1024 * 1024);
        var errors = new ValidationErrors();

        Assert.Null(UploadedImage.Accept(TestImages.Base64(file), ImageLimits.Logo, "logo", errors, Now));
        Assert.Equal([$"Le logo ne doit pas dépasser 200 Ko (le fichier fait {(file.Length + 1023) / 1024} Ko)."], errors.ToDictionary()["logo"]);

        Assert.NotNull(UploadedImage.Accept(TestImages.Base64(file), ImageLimits.Photo, "photo", errors, Now));
    }

    [Fact]
    public void A_photo_over_1_MB_is_refused()
    {
        var file = TestImages.NoisyPng(620, 620);
        Assert.True(file.Length > 1024 * 1024);
        var errors = new ValidationErrors();

        Assert.Null(UploadedImage.Accept(TestImages.Base64(file), ImageLimits.Photo, "photo", errors, Now));
        Assert.StartsWith("La photo ne doit pas dépasser 1 Mo (le fichier fait 1", Assert.Single(errors.ToDictionary()["photo"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20000, 20000)]
    [InlineData(4001, 10)]
    [InlineData(10, 4001)]
    public void A_small_file_claiming_a_huge_canvas_is_refused_from_its_header(int width, int height)
    {
        var bomb = TestImages.PngClaiming(width, height);
        Assert.True(bomb.Length < 200, $"the file is {bomb.Length} bytes");
        var errors = new ValidationErrors();

        Assert.Null(UploadedImage.Accept(TestImages.Base64(bomb), ImageLimits.Logo, "logo", errors, Now));
        Assert.Equal([$"Le logo est trop grand ({width}×{height} pixels) : 4000×4000 pixels au plus."], errors.ToDictionary()["logo"]);
    }

    [Theory]
    [InlineData("pas du base64 !")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("iVBORw0KGgo")]
    public void Bad_base64_is_refused(string base64)
    {
        var errors = new ValidationErrors();

        Assert.Null(UploadedImage.Accept(base64, ImageLimits.Logo, "logo", errors, Now));
        Assert.Equal(["Le logo n'a pas pu être lu : le fichier doit être transmis en base64."], errors.ToDictionary()["logo"]);
    }

    [Fact]
    public void The_photos_messages_agree_with_its_gender()
    {
        var errors = new ValidationErrors();

        UploadedImage.Accept("pas du base64 !", ImageLimits.Photo, "photo", errors, Now);
        UploadedImage.Accept(TestImages.Base64(TestImages.PngClaiming(5000, 300)), ImageLimits.Photo, "photo", errors, Now);

        Assert.Equal(
            [
                "La photo n'a pas pu être lue : le fichier doit être transmis en base64.",
                "La photo est trop grande (5000×300 pixels) : 4000×4000 pixels au plus.",
            ],
            errors.ToDictionary()["photo"]);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Null(UploadedImage.Accept([], ImageLimits.Photo, out var problem, Now));
        Assert.Equal("La photo est vide.", problem);
    }

    [Fact]
    public void The_stored_photo_keeps_no_EXIF_metadata()
    {
        var photo = TestImages.WithExif(TestImages.Jpeg(64, 32), orientation: 1, "GPS 48.5734N 7.7521E - iPhone de Marie");
        Assert.True(Contains(photo, "Exif"u8.ToArray()), "the uploaded file carries EXIF");

        var image = UploadedImage.Accept(photo, ImageLimits.Photo, out var problem, Now);

        Assert.Null(problem);
        Assert.NotNull(image);
        Assert.False(Contains(image.Content, "Exif"u8.ToArray()));
        Assert.False(Contains(image.Content, "iPhone"u8.ToArray()));
        Assert.False(Contains(image.Content, [0xFF, 0xE1]), "no APP1 segment");
    }

    [Theory]
    [InlineData(1, 64, 32, "left")]
    [InlineData(2, 64, 32, "right")]
    [InlineData(3, 64, 32, "right")]
    [InlineData(4, 64, 32, "left")]
    [InlineData(5, 32, 64, "top")]
    [InlineData(6, 32, 64, "top")]
    [InlineData(7, 32, 64, "bottom")]
    [InlineData(8, 32, 64, "bottom")]
    public void A_photo_taken_sideways_is_stored_upright_since_its_orientation_tag_is_not_kept(ushort orientation, int width, int height, string redSide)
    {
        // Encoded 64×32, red on the left; the EXIF orientation says how to turn it to display it.
        var photo = TestImages.WithExif(TestImages.Jpeg(64, 32), orientation, "Orientation");

        var image = UploadedImage.Accept(photo, ImageLimits.Photo, out var problem, Now);

        Assert.Null(problem);
        Assert.NotNull(image);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal((width, height), TestImages.SizeOf(image.Content));
        var (red, blue) = redSide switch
        {
            "left" => ((4, height / 2), (width - 5, height / 2)),
            "right" => ((width - 5, height / 2), (4, height / 2)),
            "top" => ((width / 2, 4), (width / 2, height - 5)),
            _ => ((width / 2, height - 5), (width / 2, 4)),
        };
        var redPixel = TestImages.PixelOf(image.Content, red.Item1, red.Item2);
        var bluePixel = TestImages.PixelOf(image.Content, blue.Item1, blue.Item2);
        Assert.True(redPixel.Red > 200 && redPixel.Blue < 60, $"{redSide} pixel {redPixel}");
        Assert.True(bluePixel.Blue > 200 && bluePixel.Red < 60, $"opposite pixel {bluePixel}");
    }

    private static SKEncodedImageFormat FormatOf(byte[] content)
    {
        using var codec = SKCodec.Create(new MemoryStream(content));
        return codec.EncodedFormat;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
