using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.TopUps;

public sealed class RefundTransitionTests
{
    private static readonly DateTimeOffset Later = T0.AddDays(1);

    [Fact]
    public void A_full_refund_takes_everything_left_and_confirmed_makes_the_order_refunded()
    {
        var order = In(TopUpStatus.Succeeded);

        var refund = order.RequestRefund(Guid.NewGuid(), null, Later).Value;
        Assert.Equal(Usd("20.00"), refund.Credit);
        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal(TopUpStatus.Succeeded, order.Status);
        Assert.Equal(TimelineEntryKind.RefundRequested, order.Timeline[^1].Kind);

        var transition = order.ConfirmRefund(refund.Id, Later).Value;

        Assert.Equal(new Transition(TransitionOutcome.Applied, TopUpStatus.Succeeded, TopUpStatus.Refunded), transition);
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.True(order.RefundableCredit.IsZero);
    }

    [Fact]
    public void Partial_refunds_make_the_order_partially_refunded_until_nothing_is_left()
    {
        var order = In(TopUpStatus.Succeeded);

        var first = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;
        order.ConfirmRefund(first.Id, Later);
        Assert.Equal(TopUpStatus.PartiallyRefunded, order.Status);
        Assert.Equal(Usd("15.00"), order.RefundableCredit);

        var rest = order.RequestRefund(Guid.NewGuid(), Usd("15.00"), Later).Value;
        order.ConfirmRefund(rest.Id, Later);
        Assert.Equal(TopUpStatus.Refunded, order.Status);
    }

    [Fact]
    public void A_refund_above_what_is_left_is_refused()
    {
        var order = In(TopUpStatus.PartiallyRefunded);

        Assert.Equal("refund_exceeds_remaining", order.RequestRefund(Guid.NewGuid(), Usd("15.01"), Later).Error!.Code);
        Assert.True(order.RequestRefund(Guid.NewGuid(), Usd("15.00"), Later).IsSuccess);
    }

    [Fact]
    public void Pending_refunds_count_against_what_is_left()
    {
        var order = In(TopUpStatus.Succeeded);
        order.RequestRefund(Guid.NewGuid(), Usd("12.00"), Later);

        Assert.Equal(Usd("8.00"), order.RefundableCredit);
        Assert.Equal("refund_exceeds_remaining", order.RequestRefund(Guid.NewGuid(), Usd("8.01"), Later).Error!.Code);
    }

    [Fact]
    public void Nothing_left_to_refund_is_said_plainly()
    {
        var order = In(TopUpStatus.Succeeded);
        order.RequestRefund(Guid.NewGuid(), null, Later);

        var again = order.RequestRefund(Guid.NewGuid(), null, Later);

        Assert.Equal("invalid_amount", again.Error!.Code);
        Assert.Contains("nothing left", again.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_refund_makes_its_amount_refundable_again_and_leaves_the_status()
    {
        var order = In(TopUpStatus.Succeeded);
        var refund = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;

        var transition = order.FailRefund(refund.Id, PaymentErrors.RefundFailed, Later).Value;

        Assert.Equal(new Transition(TransitionOutcome.Applied, TopUpStatus.Succeeded, TopUpStatus.Succeeded), transition);
        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.Equal("refund_failed", refund.Failure!.Code);
        Assert.Equal(Usd("20.00"), order.RefundableCredit);
        Assert.Equal(TimelineEntryKind.RefundFailed, order.Timeline[^1].Kind);
    }

    [Theory]
    [InlineData(TopUpStatus.AwaitingPayment)]
    [InlineData(TopUpStatus.Failed)]
    [InlineData(TopUpStatus.Expired)]
    [InlineData(TopUpStatus.Cancelled)]
    [InlineData(TopUpStatus.LateCapture)]
    [InlineData(TopUpStatus.Refunded)]
    public void Only_a_paid_top_up_with_money_left_can_be_refunded(TopUpStatus status)
    {
        var order = In(status);

        Assert.False(order.RequestRefund(Guid.NewGuid(), Usd("1.00"), Later).IsSuccess);
    }

    [Fact]
    public void The_same_refund_request_twice_gives_the_same_refund()
    {
        var order = In(TopUpStatus.Succeeded);
        var id = Guid.NewGuid();
        var first = order.RequestRefund(id, Usd("5.00"), Later).Value;
        var timeline = order.Timeline.Count;

        Assert.Same(first, order.RequestRefund(id, Usd("5.00"), Later).Value);
        Assert.Same(first, order.RequestRefund(id, null, Later).Value);
        Assert.Single(order.Refunds);
        Assert.Equal(timeline, order.Timeline.Count);
    }

    [Fact]
    public void The_same_refund_id_for_another_amount_is_a_conflict()
    {
        var order = In(TopUpStatus.Succeeded);
        var id = Guid.NewGuid();
        order.RequestRefund(id, Usd("5.00"), Later);

        Assert.Equal("refund_id_conflict", order.RequestRefund(id, Usd("6.00"), Later).Error!.Code);
    }

    [Fact]
    public void A_refund_in_another_currency_or_of_nothing_is_refused()
    {
        var order = In(TopUpStatus.Succeeded);

        Assert.Equal("currency_mismatch", order.RequestRefund(Guid.NewGuid(), Php("5.00"), Later).Error!.Code);
        Assert.Equal("invalid_amount", order.RequestRefund(Guid.NewGuid(), Usd("0"), Later).Error!.Code);
    }

    [Fact]
    public void Confirming_a_refund_twice_is_a_duplicate()
    {
        var order = In(TopUpStatus.Succeeded);
        var refund = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;
        order.ConfirmRefund(refund.Id, Later);

        Assert.Equal(TransitionOutcome.DuplicateIgnored, order.ConfirmRefund(refund.Id, Later).Value.Outcome);
        Assert.Equal(TopUpStatus.PartiallyRefunded, order.Status);
    }

    [Fact]
    public void A_confirmation_after_the_refund_failed_is_stale_and_ignored()
    {
        var order = In(TopUpStatus.Succeeded);
        var refund = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;
        order.FailRefund(refund.Id, PaymentErrors.RefundFailed, Later);

        Assert.Equal(TransitionOutcome.StaleIgnored, order.ConfirmRefund(refund.Id, Later).Value.Outcome);
        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.Equal(TopUpStatus.Succeeded, order.Status);
    }

    [Fact]
    public void A_failure_after_the_refund_was_confirmed_is_stale_and_a_second_failure_a_duplicate()
    {
        var order = In(TopUpStatus.Succeeded);
        var confirmed = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;
        order.ConfirmRefund(confirmed.Id, Later);
        var failed = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), Later).Value;
        order.FailRefund(failed.Id, PaymentErrors.RefundFailed, Later);

        Assert.Equal(TransitionOutcome.StaleIgnored, order.FailRefund(confirmed.Id, PaymentErrors.RefundFailed, Later).Value.Outcome);
        Assert.Equal(TransitionOutcome.DuplicateIgnored, order.FailRefund(failed.Id, PaymentErrors.RefundFailed, Later).Value.Outcome);
        Assert.Equal(RefundStatus.Succeeded, confirmed.Status);
    }

    [Fact]
    public void An_event_for_an_unknown_refund_is_an_error()
    {
        var order = In(TopUpStatus.Succeeded);

        Assert.Equal("refund_not_found", order.ConfirmRefund(Guid.NewGuid(), Later).Error!.Code);
        Assert.Equal("refund_not_found", order.FailRefund(Guid.NewGuid(), PaymentErrors.RefundFailed, Later).Error!.Code);
    }

    [Fact]
    public void A_partial_refund_in_another_currency_returns_the_charge_at_the_locked_rate()
    {
        var order = In(TopUpStatus.Succeeded, UsdToPhp("58.255"));
        Assert.Equal(Php("1165.10"), order.Charge);

        var part = order.RequestRefund(Guid.NewGuid(), Usd("0.03"), Later).Value;

        Assert.Equal(Php("1.75"), part.Charge); // 1.74765 rounds to the nearest centavo
    }

    [Fact]
    public void The_last_refund_returns_exactly_what_is_left_of_the_charge_so_no_centavo_is_lost()
    {
        var order = In(TopUpStatus.Succeeded, UsdToPhp("58.255"));
        order.RequestRefund(Guid.NewGuid(), Usd("0.03"), Later);

        var rest = order.RequestRefund(Guid.NewGuid(), null, Later).Value;

        Assert.Equal(Usd("19.97"), rest.Credit);
        Assert.Equal(Php("1163.35"), rest.Charge); // not 1163.33 by conversion: 1.75 + 1163.35 = 1165.10
        Assert.True(order.RefundableCharge.IsZero);
    }

    [Fact]
    public void A_late_capture_is_refunded_in_full_without_touching_the_balance()
    {
        var order = In(TopUpStatus.LateCapture);

        var refund = order.RequestLateCaptureRefund(Guid.NewGuid(), Later).Value;

        Assert.True(refund.ForLateCapture);
        Assert.True(refund.Credit.IsZero);
        Assert.Equal(order.Charge, refund.Charge);
        Assert.Contains("1-7 business days", order.Timeline[^1].Message, StringComparison.Ordinal);
        Assert.Equal(TopUpStatus.Refunded, order.ConfirmRefund(refund.Id, Later).Value.To);
        Assert.True(order.RefundableCredit.IsZero, "a late capture sent back leaves nothing to refund from the balance");
    }

    [Theory]
    [InlineData(TopUpStatus.AwaitingPayment)]
    [InlineData(TopUpStatus.Failed)]
    [InlineData(TopUpStatus.Expired)]
    [InlineData(TopUpStatus.LateCapture)]
    public void A_top_up_that_never_credited_the_balance_has_nothing_to_refund_from_it(TopUpStatus status)
    {
        var order = In(status);

        Assert.True(order.RefundableCredit.IsZero, $"{status} shows {order.RefundableCredit} refundable");
    }

    [Fact]
    public void A_late_capture_refund_that_fails_can_be_asked_again()
    {
        var order = In(TopUpStatus.LateCapture);
        var first = order.RequestLateCaptureRefund(Guid.NewGuid(), Later).Value;
        Assert.Equal("late_capture_refund_in_progress", order.RequestLateCaptureRefund(Guid.NewGuid(), Later).Error!.Code);

        order.FailRefund(first.Id, PaymentErrors.RefundFailed, Later);

        Assert.Equal(TopUpStatus.LateCapture, order.Status);
        Assert.True(order.RequestLateCaptureRefund(Guid.NewGuid(), Later).IsSuccess);
        Assert.Same(first, order.RequestLateCaptureRefund(first.Id, Later).Value);
    }

    [Fact]
    public void Only_a_late_capture_is_refunded_automatically()
    {
        Assert.Equal("order_not_late_capture", In(TopUpStatus.Succeeded).RequestLateCaptureRefund(Guid.NewGuid(), Later).Error!.Code);
    }
}
