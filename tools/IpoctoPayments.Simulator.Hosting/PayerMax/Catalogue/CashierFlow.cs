namespace IpoctoPayments.Simulator.PayerMax.Catalogue;

/// <summary>How the cashier takes a method: what the customer sees and does.</summary>
internal enum CashierFlow
{
    /// <summary>An e-wallet: a QR code to scan and a redirect to the wallet app's confirm page.</summary>
    EWallet,

    /// <summary>A wallet reached only by its app (Apple Pay and the like): the confirm page, no QR.</summary>
    WalletApp,

    /// <summary>A QR code paid from any banking app (QRPH, PIX, PayNow…) or a pay code shown at a counter.</summary>
    QrCode,

    /// <summary>A redirect to the bank's login and authorise pages.</summary>
    OnlineBanking,

    /// <summary>The card form.</summary>
    CardForm,
}
