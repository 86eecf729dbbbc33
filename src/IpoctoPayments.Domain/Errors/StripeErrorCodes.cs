using System.Collections.Frozen;
using static IpoctoPayments.Domain.Errors.PaymentErrors;

namespace IpoctoPayments.Domain.Errors;

/// <summary>Stripe's error <c>code</c> and card <c>decline_code</c> values, translated to ipocto codes.</summary>
public static class StripeErrorCodes
{
    /// <summary>Decline codes are the more precise answer, so they are read first.</summary>
    public static IReadOnlyDictionary<string, PaymentError> DeclineCodes { get; } = new Dictionary<string, PaymentError>
    {
        ["generic_decline"] = CardDeclined,
        ["do_not_honor"] = CardDeclined,
        ["card_velocity_exceeded"] = CardDeclined,
        ["withdrawal_count_limit_exceeded"] = CardDeclined,
        ["card_not_supported"] = CardDeclined,
        ["insufficient_funds"] = InsufficientFunds,
        ["lost_card"] = LostOrStolenCard,
        ["stolen_card"] = LostOrStolenCard,
        ["pickup_card"] = LostOrStolenCard,
        ["expired_card"] = ExpiredCard,
        ["incorrect_cvc"] = IncorrectCvc,
        ["invalid_cvc"] = IncorrectCvc,
        ["incorrect_number"] = IncorrectNumber,
        ["invalid_number"] = IncorrectNumber,
        ["processing_error"] = ProcessingError,
        ["try_again_later"] = ProcessingError,
        ["authentication_required"] = AuthenticationRequired,
        ["fraudulent"] = RiskRejected,
        ["merchant_blacklist"] = RiskRejected,
        ["currency_not_supported"] = PaymentMethodUnavailable,
        ["invalid_amount"] = AmountOutOfRange,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, PaymentError> ErrorCodes { get; } = new Dictionary<string, PaymentError>
    {
        ["card_declined"] = CardDeclined,
        ["expired_card"] = ExpiredCard,
        ["incorrect_cvc"] = IncorrectCvc,
        ["invalid_cvc"] = IncorrectCvc,
        ["incorrect_number"] = IncorrectNumber,
        ["invalid_number"] = IncorrectNumber,
        ["invalid_expiry_month"] = ExpiredCard,
        ["invalid_expiry_year"] = ExpiredCard,
        ["processing_error"] = ProcessingError,
        ["authentication_required"] = AuthenticationRequired,
        ["payment_intent_authentication_failure"] = AuthenticationRequired,
        ["amount_too_small"] = AmountOutOfRange,
        ["amount_too_large"] = AmountOutOfRange,
        ["payment_method_not_available"] = PaymentMethodUnavailable,
        ["payment_method_unactivated"] = PaymentMethodUnavailable,
        ["payment_intent_payment_attempt_expired"] = PaymentExpired,
        ["payment_intent_payment_attempt_failed"] = PaymentFailed,
        ["rate_limit"] = ProviderUnavailable,
        ["charge_expired_for_capture"] = PaymentExpired,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Never throws: a code Stripe adds tomorrow reads as <see cref="PaymentErrors.UnknownError"/>.</summary>
    public static PaymentError Map(string? code, string? declineCode = null)
    {
        if (declineCode is not null && DeclineCodes.TryGetValue(declineCode, out var byDecline))
            return byDecline;

        return code is not null && ErrorCodes.TryGetValue(code, out var byCode) ? byCode : UnknownError;
    }
}
