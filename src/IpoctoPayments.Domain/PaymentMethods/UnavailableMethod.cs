using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>A method the customer will not see, and the reason in the guide's words.</summary>
public sealed record UnavailableMethod(
    PaymentProvider Provider,
    string Code,
    string DisplayName,
    UnavailableReason Reason,
    string Message);
