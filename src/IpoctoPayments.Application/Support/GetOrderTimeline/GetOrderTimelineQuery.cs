using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Support.GetOrderTimeline;

/// <summary>"How to get help": the order number a customer quotes finds the order, its error codes and everything that happened.</summary>
public sealed record GetOrderTimelineQuery(string? OrderNumber) : IQuery<OrderTimelineView>;

public sealed record TimelineEntryView(DateTimeOffset At, string Kind, string Message, string? Code);

public sealed record OrderTimelineView(TopUpView TopUp, IReadOnlyList<TimelineEntryView> Timeline);
