namespace IpoctoPayments.Simulator.PayerMax;

/// <summary>PayerMax's top-level <c>code</c> values the simulator answers with (payermax.md, "Error codes").</summary>
internal static class GatewayCodes
{
    public const string ApplySuccess = "APPLY_SUCCESS";
    public const string SuccessMsg = "Success.";
    public const string SystemError = "SYSTEM_ERROR";
    public const string RequestTimeout = "REQUEST_TIMEOUT";
    public const string SignVerifyFailed = "SIGN_VERIFY_FAILED";
    public const string MerchantInvalid = "MERCHANT_INVALID";
    public const string MerchantAppInvalid = "MERCHANT_APP_INVALID";
    public const string ParamsInvalid = "PARAMS_INVALID";
    public const string AmountInvalid = "AMOUNT_INVALID";
    public const string CountryInvalid = "COUNTRY_INVALID";
    public const string CurrencyInvalid = "CURRENCY_INVALID";
    public const string OrderRepeat = "ORDER_REPEAT";
    public const string OrderClosed = "ORDER_CLOSED";
    public const string OrderNotExist = "ORDER_NOT_EXIST";
    public const string PaymentMethodNotExist = "PAYMENT_METHOD_NOT_EXIST";
    public const string AmountLimitMinimum = "AMOUNT_LIMIT_MINIMUM";
    public const string AmountLimitMaximum = "AMOUNT_LIMIT_MAXIMUM";
    public const string PaymentFailed = "PAYMENT_FAILED";
    public const string RefundFailed = "REFUND_FAILED";
}
