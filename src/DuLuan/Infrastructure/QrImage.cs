using System.Text;
using QRCoder;

namespace DuLuan.Infrastructure;

/// <summary>A QR code as an SVG data URI (no script, no external request), for img src under the Content-Security-Policy.</summary>
public static class QrImage
{
    public static string SvgDataUri(string text, int pixelsPerModule = 5)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(pixelsPerModule)));
    }
}
