using System.Text;
using DuLuan.Analysis.Text;
using SkiaSharp;

namespace DuLuan.Infrastructure.Files;

/// <summary>
/// What an attachment may be: JPEG, PNG or PDF, recognised by their first bytes (never by name or
/// declared type), at most <see cref="MaxBytes"/>. Images are decoded and encoded again, which drops
/// EXIF (GPS, camera, owner), XMP and text chunks; PDFs are kept as sent (see docs/attachments.md).
/// </summary>
public static class AttachmentFiles
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Larger images are refused before decoding, so a small file cannot expand into gigabytes.</summary>
    public const long MaxPixels = 40_000_000;

    public sealed record Accepted(string FileName, string ContentType, byte[] Content);

    /// <summary>The cleaned file, or the key of the error to show.</summary>
    public static (Accepted? File, string? Error) Check(string? fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, "Respond.Attach.Empty");
        }

        if (content.Length > MaxBytes)
        {
            return (null, "Respond.Attach.TooLarge");
        }

        var name = SafeName(fileName);
        if (StartsWith(content, [0xFF, 0xD8, 0xFF]))
        {
            return Reencode(content, SKEncodedImageFormat.Jpeg, name + ".jpg", "image/jpeg");
        }

        if (StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Reencode(content, SKEncodedImageFormat.Png, name + ".png", "image/png");
        }

        return StartsWith(content, "%PDF-"u8)
            ? (new Accepted(name + ".pdf", "application/pdf", content), null)
            : (null, "Respond.Attach.BadType");
    }

    private static (Accepted?, string?) Reencode(byte[] content, SKEncodedImageFormat format, string name, string type)
    {
        using var codec = SKCodec.Create(new MemoryStream(content));
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return (null, codec is null ? "Respond.Attach.Broken" : "Respond.Attach.TooManyPixels");
        }

        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return (null, "Respond.Attach.Broken");
        }

        using var upright = Orient(bitmap, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(format, 85);
        return data is null ? (null, "Respond.Attach.Broken") : (new Accepted(name, type, data.ToArray()), null);
    }

    /// <summary>Applies the camera's orientation to the pixels, since the EXIF that carried it is dropped.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, source.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, source.Width / 2f, source.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
            // Transposed origins: the quarter turn, then a mirror across the result's width.
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }

        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    /// <summary>A display name only: no path, no control or markup characters, at most 100 characters; the extension comes from the content.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')));
        var builder = new StringBuilder();
        foreach (var c in Nfc.Of(name))
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or '"' or '/' or ':' or '*' or '?' or '|'))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString().Trim();
        if (clean.Length > 100)
        {
            clean = clean[..100];
        }

        return clean.Length == 0 ? "tep" : clean;
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);
}
