namespace IpoctoPayments.Domain.Support;

/// <summary>
/// One line of an order's history for support. Built only from ipocto's own values (codes, amounts, provider
/// references), never from card data.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, TimelineEntryKind Kind, string Message, string? Code = null);
