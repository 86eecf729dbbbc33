using IpoctoPayments.Domain.Common;
using static IpoctoPayments.Domain.PaymentMethods.CatalogueData;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>
/// PayerMax's methods per country as reference/payermax.md lists them. The methods marked there as inferred
/// (unverified codes for TH, MY, VN, MX and extra ID/PH wallets) are left out until PayerMax confirms them.
/// Each range per payment is PayerMax's own, from its cashier method list (docs.payermax.com, "Payment methods",
/// Middle East and Africa) and its standard acquiring products (AE cards); a method without one there has none here,
/// and only a charge that rounds to nothing is refused for it.
/// </summary>
internal static class PayerMaxMethods
{
    public static IEnumerable<PaymentMethod> All() =>
    [
        Method("PH", "PHP", "gcash", "GCash", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "GCASH"),
        Method("PH", "PHP", "qrph", "QR Ph", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "QRPH"),
        Method("PH", "PHP", "bill_payment", "Bill payment", PaymentMethodKind.BillPayment, PaymentFlow.Redirect, "BILL_PAYMENT", null, min: "50", max: "50000"),
        Method("ID", "IDR", "dana", "DANA", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "DANA"),
        Method("ID", "IDR", "linkaja", "LinkAja", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "LINKAJA"),
        Method("ID", "IDR", "bca", "BCA bank transfer", PaymentMethodKind.BankTransfer, PaymentFlow.QrCode, "BANK_TRANSFER", "BCA"),
        Method("ID", "IDR", "bri", "BRI bank transfer", PaymentMethodKind.BankTransfer, PaymentFlow.QrCode, "BANK_TRANSFER", "BRI"),
        Method("SA", "SAR", "stcpay", "STC Pay", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "STCPAY"),
        Method("SA", "SAR", "card", "Card (Visa, Mastercard, Mada)", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null),
        Method("SA", "SAR", "apple_pay", "Apple Pay", PaymentMethodKind.Wallet, PaymentFlow.Form, "APPLEPAY", null, min: "0.01"),
        Method("AE", "AED", "card", "Card (Visa, Mastercard)", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null, min: "0.01", max: "50000"),
        // PayerMax cannot refund Egyptian methods.
        Method("EG", "EGP", "fawry", "Fawry", PaymentMethodKind.OverTheCounter, PaymentFlow.Redirect, "OTC", "FAWRY", min: "0.10", max: "300000", refundable: false),
        Method("EG", "EGP", "vodafone_cash", "Vodafone Cash", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "VODAFONE", min: "5", max: "60000", refundable: false),
        Method("KW", "KWD", "knet", "KNET", PaymentMethodKind.Card, PaymentFlow.Redirect, "REDIRECT_CARD", "KNET_DC", min: "0.01"),
        Method("KW", "KWD", "card", "Card (KNET)", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null, min: "0.01", max: "1700"),
        Method("BH", "BHD", "card", "Card (Benefit)", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null, min: "0.01", max: "2100"),
        Method("SG", "SGD", "paynow", "PayNow", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "PAYNOW"),
        Method("BR", "BRL", "pix", "Pix", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "PIX"),
        Method("TW", "TWD", "yushan_bank", "E.SUN Bank transfer", PaymentMethodKind.BankTransfer, PaymentFlow.Redirect, "BANK_TRANSFER", "YUSHANBANK"),
        Method("TW", "TWD", "seven_eleven", "7-Eleven", PaymentMethodKind.OverTheCounter, PaymentFlow.Redirect, "OTC", "7-ELEVEN"),
    ];

    private static PaymentMethod Method(
        string country, string currency, string code, string name, PaymentMethodKind kind, PaymentFlow flow,
        string providerType, string? targetOrg, string? min = null, string? max = null, bool refundable = true) =>
        new(PaymentProvider.PayerMax, Country(country), code, name, kind, flow, providerType, targetOrg,
            [Currency(currency)],
            min is null ? [] : [Amount(min, currency)],
            max is null ? [] : [Amount(max, currency)],
            refundable);
}
