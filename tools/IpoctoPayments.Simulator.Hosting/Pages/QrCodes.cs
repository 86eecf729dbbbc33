using QRCoder;

namespace IpoctoPayments.Simulator.Pages;

/// <summary>Real, scannable QR codes: a phone that scans one lands on the page it encodes.</summary>
internal static class QrCodes
{
    public static byte[] Png(string content, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    public static string PngDataUri(string content, int pixelsPerModule) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(content, pixelsPerModule));
}
