namespace IpoctoPayments.Domain.Errors;

/// <summary>
/// An ipocto payment error: the stable <see cref="Code"/> a customer writes down and support looks up,
/// what happened in one sentence, and what to do, taken from the guide's troubleshooting steps.
/// </summary>
public sealed record PaymentError(string Code, string Message, string Guidance);
