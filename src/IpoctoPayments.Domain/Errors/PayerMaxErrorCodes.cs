using System.Collections.Frozen;
using IpoctoPayments.Domain.PaymentMethods;
using static IpoctoPayments.Domain.Errors.PaymentErrors;

namespace IpoctoPayments.Domain.Errors;

/// <summary>PayerMax's top-level <c>code</c> values, translated to ipocto codes.</summary>
public static class PayerMaxErrorCodes
{
    public static IReadOnlyDictionary<string, PaymentError> Codes { get; } = new Dictionary<string, PaymentError>
    {
        ["SYSTEM_ERROR"] = ProviderUnavailable,
        ["REQUEST_TIMEOUT"] = ProviderUnavailable,
        ["UNEXPECTED_ERROR"] = ProviderUnavailable,
        // Signature, merchant and parameter errors are ipocto's integration faults; the customer sees a processing error.
        ["SIGN_VERIFY_FAILED"] = ProcessingError,
        ["MERCHANT_INVALID"] = ProcessingError,
        ["MERCHANT_APP_INVALID"] = ProcessingError,
        ["PARAMS_INVALID"] = ProcessingError,
        ["ORDER_REPEAT"] = ProcessingError,
        ["ORDER_NOT_EXIST"] = ProcessingError,
        ["AMOUNT_INVALID"] = AmountOutOfRange,
        ["AMOUNT_LIMIT_MINIMUM"] = AmountOutOfRange,
        ["AMOUNT_LIMIT_MAXIMUM"] = AmountOutOfRange,
        ["COUNTRY_INVALID"] = PaymentMethodUnavailable,
        ["CURRENCY_INVALID"] = PaymentMethodUnavailable,
        ["PAYMENT_METHOD_NOT_EXIST"] = PaymentMethodUnavailable,
        ["PAYMENT_METHOD_SUSPEND"] = PaymentMethodUnavailable,
        ["ORDER_CLOSED"] = PaymentExpired,
        ["PAYMENT_FAILED"] = PaymentFailed,
        ["PAYMENT_CANCELED"] = PaymentCancelled,
        ["BALANCE_INSUFFICIENT"] = InsufficientFunds,
        ["ACCOUNT_BLOCKED"] = RiskRejected,
        ["CARD_INVALID"] = IncorrectNumber,
        ["CVV_INVALID"] = IncorrectCvc,
        ["OTP_VERIFY_FAILED"] = AuthenticationRequired,
        ["AUTHENTICATE_FAILED"] = AuthenticationRequired,
        ["RISK_FAILED"] = RiskRejected,
        ["ISSUER_PAYMENT_REJECTED"] = CardDeclined,
        ["REFUND_FAILED"] = RefundFailed,
        ["REFUND_INSUFFICIENT_BALANCE"] = RefundFailed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Never throws. PayerMax's generic PAYMENT_FAILED is sharpened by the method's kind when known,
    /// so a GCash failure reads as a wallet failure and a bank redirect failure as a bank transfer failure.
    /// </summary>
    public static PaymentError Map(string? code, PaymentMethodKind? kind = null)
    {
        if (code is null || !Codes.TryGetValue(code.Trim().ToUpperInvariant(), out var error))
            return UnknownError;

        return error == PaymentFailed
            ? kind switch
            {
                PaymentMethodKind.Wallet => WalletFailed,
                PaymentMethodKind.BankTransfer => BankTransferFailed,
                PaymentMethodKind.Card => CardDeclined,
                _ => PaymentFailed,
            }
            : error;
    }
}
