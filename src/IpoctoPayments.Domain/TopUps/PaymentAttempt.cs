using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// A declined attempt on the provider's page; the customer may retry on the same page, so the order keeps waiting.
/// <see cref="ProviderCode"/> is the provider's raw code (generic_decline, BALANCE_INSUFFICIENT) for support.
/// </summary>
public sealed record PaymentAttempt(DateTimeOffset At, PaymentError Error, string? ProviderCode, string? Reference);
