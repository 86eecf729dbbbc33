namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>Why a method is not offered for a request.</summary>
public enum UnavailableReason
{
    ProviderNotServingCountry = 1,
    NotOfferedInCountry = 2,
    CurrencyNotSupported = 3,
    AmountBelowMinimum = 4,
    AmountAboveMaximum = 5,
}
