using System.Collections.Frozen;
using static IpoctoPayments.Domain.Errors.Guidance;

namespace IpoctoPayments.Domain.Errors;

/// <summary>Every ipocto payment error code, each with its customer guidance.</summary>
public static class PaymentErrors
{
    public static PaymentError CardDeclined { get; } = new(
        "card_declined", "Your card was declined.", Steps(CheckFunds, CheckCardDetails, WaitAndRetry));

    public static PaymentError InsufficientFunds { get; } = new(
        "insufficient_funds", "Your card has insufficient funds.", Steps(CheckFunds, WaitAndRetry));

    public static PaymentError IncorrectCvc { get; } = new(
        "incorrect_cvc", "The card's security code (CVC) is incorrect.", Steps(CheckCardDetails, WaitAndRetry));

    public static PaymentError ExpiredCard { get; } = new(
        "expired_card", "The card has expired.", Steps(CheckCardDetails, WaitAndRetry));

    public static PaymentError IncorrectNumber { get; } = new(
        "incorrect_number", "The card number is incorrect.", Steps(CheckCardDetails, WaitAndRetry));

    // Issuers and Stripe ask that the real reason stays hidden from the payer: the customer sees a plain decline.
    public static PaymentError LostOrStolenCard { get; } = CardDeclined with { Code = "lost_or_stolen_card" };

    public static PaymentError ProcessingError { get; } = new(
        "processing_error", "An error occurred while processing the payment.", Steps(CheckConnection, WaitAndRetry));

    public static PaymentError AuthenticationRequired { get; } = new(
        "authentication_required",
        "The payment needs your bank's verification (3-D Secure or a one-time code), which was not completed.",
        Steps(CheckConnection, WaitAndRetry));

    public static PaymentError ProviderUnavailable { get; } = new(
        "provider_unavailable", "The payment partner could not be reached.", Steps(CheckConnection, WaitAndRetry));

    public static PaymentError PaymentExpired { get; } = new(
        "payment_expired", "The payment page expired before the payment was completed.", Steps(WaitAndRetry));

    public static PaymentError PaymentCancelled { get; } = new(
        "payment_cancelled", "The payment was cancelled.", Steps(WaitAndRetry));

    public static PaymentError PaymentFailed { get; } = new(
        "payment_failed", "The payment failed.", Steps(CheckConnection, CheckFunds, CheckCardDetails, WaitAndRetry));

    public static PaymentError WalletFailed { get; } = new(
        "wallet_failed", "The e-wallet did not confirm the payment.", Steps(CheckConnection, CheckFunds, WaitAndRetry));

    public static PaymentError BankTransferFailed { get; } = new(
        "bank_transfer_failed", "Your bank did not authorise the transfer.", Steps(CheckConnection, CheckFunds, WaitAndRetry));

    // The reason for a risk refusal is not disclosed; the customer is pointed to support.
    public static PaymentError RiskRejected { get; } = new(
        "risk_rejected", "The payment could not be accepted.", Steps(WaitAndRetry));

    public static PaymentError AmountOutOfRange { get; } = new(
        "amount_out_of_range", "The amount is outside the limits of this payment method.",
        Steps("Choose an amount within the payment method's limits, or another payment method.", WaitAndRetry));

    public static PaymentError PaymentMethodUnavailable { get; } = new(
        "payment_method_unavailable",
        "This payment method is not available. The available payment methods vary depending on your country/region.",
        Steps("Choose another payment method.", WaitAndRetry));

    public static PaymentError RefundFailed { get; } = new(
        "refund_failed", "The refund could not be completed; the amount is back on your balance.", Steps(WaitAndRetry));

    public static PaymentError UnknownError { get; } = new(
        "unknown_error", "The payment failed for a reason we could not identify.",
        Steps(CheckConnection, CheckFunds, CheckCardDetails, WaitAndRetry));

    public static IReadOnlyList<PaymentError> All { get; } =
    [
        CardDeclined, InsufficientFunds, IncorrectCvc, ExpiredCard, IncorrectNumber, LostOrStolenCard, ProcessingError,
        AuthenticationRequired, ProviderUnavailable, PaymentExpired, PaymentCancelled, PaymentFailed, WalletFailed,
        BankTransferFailed, RiskRejected, AmountOutOfRange, PaymentMethodUnavailable, RefundFailed, UnknownError,
    ];

    private static readonly FrozenDictionary<string, PaymentError> ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>Looks a stored or quoted code up; an unknown code reads as <see cref="UnknownError"/>.</summary>
    public static PaymentError FromCode(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var error) ? error : UnknownError;
}
