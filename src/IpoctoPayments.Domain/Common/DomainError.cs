namespace IpoctoPayments.Domain.Common;

/// <summary>A rule the caller broke: a stable machine code and a sentence saying what was wrong.</summary>
public sealed record DomainError(string Code, string Message);
