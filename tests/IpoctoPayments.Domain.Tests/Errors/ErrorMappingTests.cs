using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.PaymentMethods;

namespace IpoctoPayments.Domain.Tests.Errors;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData("generic_decline", "card_declined")]
    [InlineData("insufficient_funds", "insufficient_funds")]
    [InlineData("lost_card", "lost_or_stolen_card")]
    [InlineData("stolen_card", "lost_or_stolen_card")]
    [InlineData("expired_card", "expired_card")]
    [InlineData("incorrect_cvc", "incorrect_cvc")]
    [InlineData("processing_error", "processing_error")]
    [InlineData("incorrect_number", "incorrect_number")]
    [InlineData("authentication_required", "authentication_required")]
    [InlineData("do_not_honor", "card_declined")]
    [InlineData("fraudulent", "risk_rejected")]
    public void Stripe_decline_codes_map_to_ipocto_codes(string declineCode, string expected)
    {
        Assert.Equal(expected, StripeErrorCodes.Map("card_declined", declineCode).Code);
    }

    [Theory]
    [InlineData("card_declined", "card_declined")]
    [InlineData("expired_card", "expired_card")]
    [InlineData("incorrect_cvc", "incorrect_cvc")]
    [InlineData("incorrect_number", "incorrect_number")]
    [InlineData("processing_error", "processing_error")]
    [InlineData("authentication_required", "authentication_required")]
    [InlineData("payment_intent_authentication_failure", "authentication_required")]
    [InlineData("amount_too_small", "amount_out_of_range")]
    [InlineData("rate_limit", "provider_unavailable")]
    public void Stripe_error_codes_map_to_ipocto_codes(string code, string expected)
    {
        Assert.Equal(expected, StripeErrorCodes.Map(code).Code);
    }

    [Fact]
    public void A_Stripe_decline_code_is_more_precise_than_its_error_code()
    {
        Assert.Equal("insufficient_funds", StripeErrorCodes.Map("card_declined", "insufficient_funds").Code);
        Assert.Equal("card_declined", StripeErrorCodes.Map("card_declined", "a_decline_code_from_the_future").Code);
    }

    [Theory]
    [InlineData("SYSTEM_ERROR", "provider_unavailable")]
    [InlineData("REQUEST_TIMEOUT", "provider_unavailable")]
    [InlineData("UNEXPECTED_ERROR", "provider_unavailable")]
    [InlineData("SIGN_VERIFY_FAILED", "processing_error")]
    [InlineData("MERCHANT_INVALID", "processing_error")]
    [InlineData("MERCHANT_APP_INVALID", "processing_error")]
    [InlineData("PARAMS_INVALID", "processing_error")]
    [InlineData("ORDER_REPEAT", "processing_error")]
    [InlineData("ORDER_NOT_EXIST", "processing_error")]
    [InlineData("AMOUNT_INVALID", "amount_out_of_range")]
    [InlineData("AMOUNT_LIMIT_MINIMUM", "amount_out_of_range")]
    [InlineData("AMOUNT_LIMIT_MAXIMUM", "amount_out_of_range")]
    [InlineData("COUNTRY_INVALID", "payment_method_unavailable")]
    [InlineData("CURRENCY_INVALID", "payment_method_unavailable")]
    [InlineData("PAYMENT_METHOD_NOT_EXIST", "payment_method_unavailable")]
    [InlineData("PAYMENT_METHOD_SUSPEND", "payment_method_unavailable")]
    [InlineData("ORDER_CLOSED", "payment_expired")]
    [InlineData("PAYMENT_FAILED", "payment_failed")]
    [InlineData("PAYMENT_CANCELED", "payment_cancelled")]
    [InlineData("BALANCE_INSUFFICIENT", "insufficient_funds")]
    [InlineData("ACCOUNT_BLOCKED", "risk_rejected")]
    [InlineData("CARD_INVALID", "incorrect_number")]
    [InlineData("CVV_INVALID", "incorrect_cvc")]
    [InlineData("OTP_VERIFY_FAILED", "authentication_required")]
    [InlineData("AUTHENTICATE_FAILED", "authentication_required")]
    [InlineData("RISK_FAILED", "risk_rejected")]
    [InlineData("ISSUER_PAYMENT_REJECTED", "card_declined")]
    [InlineData("REFUND_FAILED", "refund_failed")]
    [InlineData("REFUND_INSUFFICIENT_BALANCE", "refund_failed")]
    public void PayerMax_codes_map_to_ipocto_codes(string code, string expected)
    {
        Assert.Equal(expected, PayerMaxErrorCodes.Map(code).Code);
    }

    [Theory]
    [InlineData(PaymentMethodKind.Wallet, "wallet_failed")]
    [InlineData(PaymentMethodKind.BankTransfer, "bank_transfer_failed")]
    [InlineData(PaymentMethodKind.Card, "card_declined")]
    [InlineData(PaymentMethodKind.OverTheCounter, "payment_failed")]
    public void A_PayerMax_payment_failure_is_named_after_the_method_kind(PaymentMethodKind kind, string expected)
    {
        Assert.Equal(expected, PayerMaxErrorCodes.Map("PAYMENT_FAILED", kind).Code);
        Assert.Equal("insufficient_funds", PayerMaxErrorCodes.Map("BALANCE_INSUFFICIENT", kind).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SOMETHING_NEW")]
    [InlineData("PAYMENT-FAILED")]
    public void An_unknown_PayerMax_code_is_an_unknown_error_never_an_exception(string? code)
    {
        Assert.Equal("unknown_error", PayerMaxErrorCodes.Map(code).Code);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("something_new", null)]
    [InlineData(null, "something_new")]
    public void An_unknown_Stripe_code_is_an_unknown_error_never_an_exception(string? code, string? declineCode)
    {
        Assert.Equal("unknown_error", StripeErrorCodes.Map(code, declineCode).Code);
    }

    [Fact]
    public void Every_mapping_leads_to_a_listed_ipocto_code()
    {
        var mapped = StripeErrorCodes.DeclineCodes.Values.Concat(StripeErrorCodes.ErrorCodes.Values).Concat(PayerMaxErrorCodes.Codes.Values);

        Assert.All(mapped, e => Assert.Contains(e, PaymentErrors.All));
    }

    [Fact]
    public void Every_ipocto_code_is_unique_and_found_by_its_code()
    {
        Assert.Equal(PaymentErrors.All.Count, PaymentErrors.All.Select(e => e.Code).Distinct().Count());
        Assert.All(PaymentErrors.All, e => Assert.Same(e, PaymentErrors.FromCode(e.Code)));
        Assert.Same(PaymentErrors.UnknownError, PaymentErrors.FromCode("no_such_code"));
    }

    [Fact]
    public void Every_guidance_ends_with_the_guides_advice_to_note_the_code_and_contact_support()
    {
        Assert.All(PaymentErrors.All, e =>
        {
            Assert.StartsWith("1. ", e.Guidance, StringComparison.Ordinal);
            Assert.EndsWith(
                "note down the error code and your order number and contact our customer support by Live Chat: after logging into your ipocto account, click the \"Help\" icon in the lower right corner.",
                e.Guidance, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_card_decline_walks_the_guides_troubleshooting_steps()
    {
        Assert.Equal(
            "1. Ensure your bank card has sufficient funds or available credit. "
            + "2. Verify that the card number, expiration date, and CVC code were entered correctly. "
            + "3. Wait a moment and try again. "
            + "If the problem persists, please note down the error code and your order number and contact our customer support by Live Chat: after logging into your ipocto account, click the \"Help\" icon in the lower right corner.",
            PaymentErrors.CardDeclined.Guidance);
        Assert.Contains("Check your internet connection.", PaymentErrors.ProviderUnavailable.Guidance, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_or_stolen_card_reads_to_the_customer_as_a_plain_decline()
    {
        Assert.Equal(PaymentErrors.CardDeclined.Message, PaymentErrors.LostOrStolenCard.Message);
        Assert.Equal(PaymentErrors.CardDeclined.Guidance, PaymentErrors.LostOrStolenCard.Guidance);
    }
}
