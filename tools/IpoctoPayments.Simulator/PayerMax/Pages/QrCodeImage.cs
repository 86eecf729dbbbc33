using QRCoder;

namespace IpoctoPayments.Simulator.PayerMax.Pages;

/// <summary>A real, scannable QR code as a PNG data URI.</summary>
internal static class QrCodeImage
{
    public static string PngDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
