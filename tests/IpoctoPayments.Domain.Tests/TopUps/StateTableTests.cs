using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Support;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;
using static IpoctoPayments.Domain.TopUps.TopUpStatus;
using static IpoctoPayments.Domain.TopUps.TransitionOutcome;

namespace IpoctoPayments.Domain.Tests.TopUps;

/// <summary>Every provider event against every state of DESIGN.md's table, the forbidden moves included.</summary>
public sealed class StateTableTests
{
    public enum ProviderEvent
    {
        Paid,
        AttemptDeclined,
        Failed,
        Expired,
        Cancelled,
    }

    private static readonly (TopUpStatus From, ProviderEvent Event, TransitionOutcome Outcome, TopUpStatus To)[] Rows =
    [
        (AwaitingPayment, ProviderEvent.Paid, Applied, Succeeded),
        (AwaitingPayment, ProviderEvent.AttemptDeclined, Applied, AwaitingPayment),
        (AwaitingPayment, ProviderEvent.Failed, Applied, Failed),
        (AwaitingPayment, ProviderEvent.Expired, Applied, Expired),
        (AwaitingPayment, ProviderEvent.Cancelled, Applied, Cancelled),

        (Succeeded, ProviderEvent.Paid, DuplicateIgnored, Succeeded),
        (Succeeded, ProviderEvent.AttemptDeclined, StaleIgnored, Succeeded),
        (Succeeded, ProviderEvent.Failed, StaleIgnored, Succeeded),
        (Succeeded, ProviderEvent.Expired, StaleIgnored, Succeeded),
        (Succeeded, ProviderEvent.Cancelled, StaleIgnored, Succeeded),

        (Failed, ProviderEvent.Paid, Applied, LateCapture),
        (Failed, ProviderEvent.AttemptDeclined, StaleIgnored, Failed),
        (Failed, ProviderEvent.Failed, DuplicateIgnored, Failed),
        (Failed, ProviderEvent.Expired, StaleIgnored, Failed),
        (Failed, ProviderEvent.Cancelled, StaleIgnored, Failed),

        (Expired, ProviderEvent.Paid, Applied, LateCapture),
        (Expired, ProviderEvent.AttemptDeclined, StaleIgnored, Expired),
        (Expired, ProviderEvent.Failed, StaleIgnored, Expired),
        (Expired, ProviderEvent.Expired, DuplicateIgnored, Expired),
        (Expired, ProviderEvent.Cancelled, StaleIgnored, Expired),

        (Cancelled, ProviderEvent.Paid, Applied, LateCapture),
        (Cancelled, ProviderEvent.AttemptDeclined, StaleIgnored, Cancelled),
        (Cancelled, ProviderEvent.Failed, StaleIgnored, Cancelled),
        (Cancelled, ProviderEvent.Expired, StaleIgnored, Cancelled),
        (Cancelled, ProviderEvent.Cancelled, DuplicateIgnored, Cancelled),

        (LateCapture, ProviderEvent.Paid, DuplicateIgnored, LateCapture),
        (LateCapture, ProviderEvent.AttemptDeclined, StaleIgnored, LateCapture),
        (LateCapture, ProviderEvent.Failed, StaleIgnored, LateCapture),
        (LateCapture, ProviderEvent.Expired, StaleIgnored, LateCapture),
        (LateCapture, ProviderEvent.Cancelled, StaleIgnored, LateCapture),

        (PartiallyRefunded, ProviderEvent.Paid, DuplicateIgnored, PartiallyRefunded),
        (PartiallyRefunded, ProviderEvent.AttemptDeclined, StaleIgnored, PartiallyRefunded),
        (PartiallyRefunded, ProviderEvent.Failed, StaleIgnored, PartiallyRefunded),
        (PartiallyRefunded, ProviderEvent.Expired, StaleIgnored, PartiallyRefunded),
        (PartiallyRefunded, ProviderEvent.Cancelled, StaleIgnored, PartiallyRefunded),

        (Refunded, ProviderEvent.Paid, DuplicateIgnored, Refunded),
        (Refunded, ProviderEvent.AttemptDeclined, StaleIgnored, Refunded),
        (Refunded, ProviderEvent.Failed, StaleIgnored, Refunded),
        (Refunded, ProviderEvent.Expired, StaleIgnored, Refunded),
        (Refunded, ProviderEvent.Cancelled, StaleIgnored, Refunded),
    ];

    public static TheoryData<TopUpStatus, ProviderEvent, TransitionOutcome, TopUpStatus> Table => Data(Rows);

    public static TheoryData<TopUpStatus, ProviderEvent, TransitionOutcome, TopUpStatus> Ignored => Data(Rows.Where(r => r.Outcome != Applied));

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_provider_event_moves_the_order_only_forwards(TopUpStatus from, ProviderEvent @event, TransitionOutcome outcome, TopUpStatus to)
    {
        var order = In(from);

        var transition = Raise(order, @event);

        Assert.Equal(new Transition(outcome, from, to), transition);
        Assert.Equal(to, order.Status);
    }

    [Theory]
    [MemberData(nameof(Ignored))]
    public void An_ignored_event_changes_nothing_but_a_timeline_note(TopUpStatus from, ProviderEvent @event, TransitionOutcome outcome, TopUpStatus to)
    {
        var order = In(from);
        var before = Snapshot(order);

        Raise(order, @event);

        Assert.Equal(to, from);
        Assert.Equal(before with { Timeline = before.Timeline + 1, Version = before.Version + 1 }, Snapshot(order));
        var note = order.Timeline[^1];
        Assert.Equal(outcome == DuplicateIgnored ? TimelineEntryKind.DuplicateEventIgnored : TimelineEntryKind.StaleEventIgnored, note.Kind);
        Assert.Equal(Later, note.At);
    }

    private static readonly DateTimeOffset Later = T0.AddHours(1);

    private static OrderSnapshot Snapshot(TopUpOrder order) =>
        new(order.Status, order.Failure, order.PaidAt, order.References, order.Attempts.Count, order.Refunds.Count, order.Timeline.Count, order.Version);

    private sealed record OrderSnapshot(
        TopUpStatus Status, PaymentError? Failure, DateTimeOffset? PaidAt, ProviderReferences References,
        int Attempts, int Refunds, int Timeline, int Version);

    private static TheoryData<TopUpStatus, ProviderEvent, TransitionOutcome, TopUpStatus> Data(
        IEnumerable<(TopUpStatus From, ProviderEvent Event, TransitionOutcome Outcome, TopUpStatus To)> rows)
    {
        var data = new TheoryData<TopUpStatus, ProviderEvent, TransitionOutcome, TopUpStatus>();
        foreach (var (from, @event, outcome, to) in rows)
            data.Add(from, @event, outcome, to);
        return data;
    }

    private static Transition Raise(TopUpOrder order, ProviderEvent @event) => @event switch
    {
        ProviderEvent.Paid => order.MarkPaid(Later, "pi_123"),
        ProviderEvent.AttemptDeclined => order.RecordDeclinedAttempt(PaymentErrors.CardDeclined, "generic_decline", "ch_1", Later),
        ProviderEvent.Failed => order.MarkFailed(PaymentErrors.PaymentFailed, Later),
        ProviderEvent.Expired => order.MarkExpired(Later),
        _ => order.Cancel(Later),
    };
}
