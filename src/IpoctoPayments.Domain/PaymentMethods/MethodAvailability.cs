using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>The answer to "which methods can I use here?": what is offered, and why everything else is not.</summary>
public sealed record MethodAvailability(
    CountryCode Country,
    IReadOnlyList<PaymentMethod> Offered,
    IReadOnlyList<UnavailableMethod> Unavailable);
