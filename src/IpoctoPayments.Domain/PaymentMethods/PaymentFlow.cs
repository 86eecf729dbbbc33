namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>How the customer completes the payment (guide step 4).</summary>
public enum PaymentFlow
{
    /// <summary>Card number, expiry and CVC typed into the provider's page.</summary>
    Form = 1,
    /// <summary>A QR code scanned with a wallet or banking app.</summary>
    QrCode = 2,
    /// <summary>A redirect to the wallet app or the bank's page to authorise.</summary>
    Redirect = 3,
}
