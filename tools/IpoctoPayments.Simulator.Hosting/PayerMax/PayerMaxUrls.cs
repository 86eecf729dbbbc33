namespace IpoctoPayments.Simulator.PayerMax;

/// <summary>Where the simulated cashier and its wallet and bank pages live.</summary>
internal static class PayerMaxUrls
{
    public static string Cashier(string tradeToken) => $"/payermax/cashier/{Uri.EscapeDataString(tradeToken)}";

    public static string Method(string tradeToken, string methodKey) => $"{Cashier(tradeToken)}/methods/{Uri.EscapeDataString(methodKey)}";

    /// <summary>The wallet app's confirm page; the e-wallet QR code encodes it, so a phone that scans it lands there.</summary>
    public static string WalletApp(string tradeToken, string methodKey) => $"/payermax/wallet/{Uri.EscapeDataString(tradeToken)}/{Uri.EscapeDataString(methodKey)}";

    public static string Bank(string tradeToken, string methodKey) => $"/payermax/bank/{Uri.EscapeDataString(tradeToken)}/{Uri.EscapeDataString(methodKey)}";

    /// <summary>Back to the merchant with <c>outTradeNo</c> and <c>status</c> appended, as PayerMax's front callback does.</summary>
    public static string FrontCallback(string frontCallbackUrl, string outTradeNo, string status)
    {
        var separator = frontCallbackUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{frontCallbackUrl}{separator}outTradeNo={Uri.EscapeDataString(outTradeNo)}&status={Uri.EscapeDataString(status)}";
    }
}
