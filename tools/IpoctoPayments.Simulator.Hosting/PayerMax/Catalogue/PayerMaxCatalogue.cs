using static IpoctoPayments.Simulator.PayerMax.Catalogue.CashierFlow;

namespace IpoctoPayments.Simulator.PayerMax.Catalogue;

/// <summary>
/// The countries and local methods the simulated cashier offers, from the method table in
/// <c>shared/reference/payermax.md</c>. Limits are minor units of the country's currency at PayerMax's
/// decimals. TH, MY and VN are marked <see cref="PayerMaxCountry.Inferred"/>: market knowledge, codes unverified.
/// </summary>
internal static class PayerMaxCatalogue
{
    public static IReadOnlyList<PayerMaxCountry> Countries { get; } =
    [
        new("PH", "Philippines", "PHP",
        [
            new("WALLET", "GCASH", "GCash", EWallet),
            new("REALTIME_PAYMENT", "QRPH", "QR Ph", QrCode),
            new("BILL_PAYMENT", null, "Bills payment", QrCode, MinMinor: 50_00, MaxMinor: 50_000_00),
        ]),
        new("ID", "Indonesia", "IDR",
        [
            new("WALLET", "DANA", "DANA", EWallet),
            new("WALLET", "LINKAJA", "LinkAja", EWallet),
            new("BANK_TRANSFER", "BCA", "BCA", QrCode),
            new("BANK_TRANSFER", "BRI", "BRI", QrCode),
        ]),
        new("SA", "Saudi Arabia", "SAR",
        [
            new("WALLET", "STCPAY", "STC Pay", EWallet),
            new("CARD", null, "Card (Visa, Mastercard, Mada)", CardForm),
            new("APPLEPAY", null, "Apple Pay", WalletApp),
        ]),
        new("AE", "United Arab Emirates", "AED",
        [
            new("CARD", null, "Card (Visa, Mastercard)", CardForm, MinMinor: 1, MaxMinor: 50_000_00),
        ]),
        new("EG", "Egypt", "EGP",
        [
            new("OTC", "FAWRY", "Fawry", QrCode),
            new("WALLET", "VODAFONE", "Vodafone Cash", EWallet, MinMinor: 5_00, MaxMinor: 60_000_00),
        ], RefundsSupported: false),
        new("KW", "Kuwait", "KWD",
        [
            new("REDIRECT_CARD", "KNET_DC", "KNET", OnlineBanking),
            new("CARD", null, "Card (Knet)", CardForm, MaxMinor: 1_700_00),
        ]),
        new("BH", "Bahrain", "BHD",
        [
            new("CARD", null, "Card (Benefit)", CardForm, MaxMinor: 2_100_00),
        ]),
        new("SG", "Singapore", "SGD",
        [
            new("REALTIME_PAYMENT", "PAYNOW", "PayNow", QrCode),
        ]),
        new("BR", "Brazil", "BRL",
        [
            new("REALTIME_PAYMENT", "PIX", "Pix", QrCode),
        ]),
        new("TW", "Taiwan", "TWD",
        [
            new("BANK_TRANSFER", "YUSHANBANK", "E.SUN Bank", OnlineBanking),
            new("OTC", "7-ELEVEN", "7-ELEVEN", QrCode),
        ]),
        new("TH", "Thailand (inferred)", "THB",
        [
            new("WALLET", "TRUEMONEY", "TrueMoney (inferred)", EWallet),
            new("REALTIME_PAYMENT", "PROMPTPAY", "PromptPay (inferred)", QrCode),
        ], Inferred: true),
        new("MY", "Malaysia (inferred)", "MYR",
        [
            new("WALLET", "TNG", "Touch 'n Go (inferred)", EWallet),
            new("NET_BANKING", "FPX", "FPX online banking (inferred)", OnlineBanking),
        ], Inferred: true),
        new("VN", "Vietnam (inferred)", "VND",
        [
            new("WALLET", "MOMO", "MoMo (inferred)", EWallet),
            new("WALLET", "ZALOPAY", "ZaloPay (inferred)", EWallet),
        ], Inferred: true),
    ];

    public static PayerMaxCountry? FindCountry(string? code) =>
        Countries.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    /// <summary>The country whose cashier takes a currency when the order names no country.</summary>
    public static PayerMaxCountry? CountryOfCurrency(string currency) =>
        Countries.FirstOrDefault(c => string.Equals(c.Currency, currency, StringComparison.Ordinal));
}
