namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>What the customer pays with, in the guide's categories.</summary>
public enum PaymentMethodKind
{
    Card = 1,
    Wallet = 2,
    BankTransfer = 3,
    /// <summary>Real-time payment schemes paid by scanning a QR code (PayNow, PIX, QRPH).</summary>
    RealtimePayment = 4,
    /// <summary>Paid in cash at a counter with a reference (Fawry, 7-Eleven).</summary>
    OverTheCounter = 5,
    BillPayment = 6,
}
