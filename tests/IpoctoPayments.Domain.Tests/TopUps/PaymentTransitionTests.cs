using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Support;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.TopUps;

public sealed class PaymentTransitionTests
{
    private static readonly DateTimeOffset Later = T0.AddMinutes(5);

    [Fact]
    public void Opening_the_provider_session_records_the_redirect_and_its_reference()
    {
        var order = New();

        var transition = order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), Later).Value;

        Assert.True(transition.IsApplied);
        Assert.Equal("cs_test_1", order.References.SessionId);
        Assert.Equal(TimelineEntryKind.Redirected, order.Timeline[^1].Kind);
        Assert.Contains("cs_test_1", order.Timeline[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_the_same_session_again_is_a_duplicate()
    {
        var order = New();
        order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), Later);

        Assert.Equal(TransitionOutcome.DuplicateIgnored, order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), Later).Value.Outcome);
    }

    [Fact]
    public void A_second_different_session_for_one_order_is_refused()
    {
        var order = New();
        order.OpenSession(new ProviderReferences(TradeToken: "T1"), Later);

        Assert.Equal("provider_session_already_open", order.OpenSession(new ProviderReferences(TradeToken: "T2"), Later).Error!.Code);
    }

    [Fact]
    public void A_session_cannot_be_opened_for_a_closed_order()
    {
        var order = In(TopUpStatus.Expired);

        Assert.Equal("order_not_awaiting_payment", order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), Later).Error!.Code);
    }

    [Fact]
    public void A_declined_attempt_is_recorded_with_its_code_and_the_order_keeps_waiting()
    {
        var order = New();

        order.RecordDeclinedAttempt(PaymentErrors.InsufficientFunds, "insufficient_funds", "ch_1", Later);

        Assert.Equal(TopUpStatus.AwaitingPayment, order.Status);
        var attempt = Assert.Single(order.Attempts);
        Assert.Equal("insufficient_funds", attempt.Error.Code);
        Assert.Equal("insufficient_funds", attempt.ProviderCode);
        Assert.Equal(TimelineEntryKind.AttemptDeclined, order.Timeline[^1].Kind);
        Assert.Equal("insufficient_funds", order.Timeline[^1].Code);
    }

    [Fact]
    public void The_same_declined_attempt_reported_twice_is_recorded_once()
    {
        var order = New();
        order.RecordDeclinedAttempt(PaymentErrors.CardDeclined, "generic_decline", "ch_1", Later);

        var again = order.RecordDeclinedAttempt(PaymentErrors.CardDeclined, "generic_decline", "ch_1", Later);

        Assert.Equal(TransitionOutcome.DuplicateIgnored, again.Outcome);
        Assert.Single(order.Attempts);
    }

    [Fact]
    public void A_retry_after_declined_attempts_can_still_succeed()
    {
        var order = New();
        order.RecordDeclinedAttempt(PaymentErrors.CardDeclined, "generic_decline", "ch_1", Later);
        order.RecordDeclinedAttempt(PaymentErrors.IncorrectCvc, "incorrect_cvc", "ch_2", Later);

        order.MarkPaid(Later.AddMinutes(1), "pi_1");

        Assert.Equal(TopUpStatus.Succeeded, order.Status);
        Assert.Equal(2, order.Attempts.Count);
        Assert.Null(order.Failure);
    }

    [Fact]
    public void A_paid_order_keeps_its_payment_reference_and_time()
    {
        var order = New();
        order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), Later);

        order.MarkPaid(Later, "pi_1");

        Assert.Equal(new ProviderReferences("cs_test_1", null, "pi_1"), order.References);
        Assert.Equal(Later, order.PaidAt);
        Assert.Equal(TimelineEntryKind.Paid, order.Timeline[^1].Kind);
    }

    [Fact]
    public void A_paid_event_twice_is_a_duplicate_so_the_balance_is_credited_once()
    {
        var order = New();
        Assert.True(order.MarkPaid(Later).IsApplied);

        Assert.Equal(TransitionOutcome.DuplicateIgnored, order.MarkPaid(Later.AddSeconds(3)).Outcome);
        Assert.Equal(Later, order.PaidAt);
    }

    [Fact]
    public void An_expiry_after_success_is_stale_and_ignored()
    {
        var order = In(TopUpStatus.Succeeded);

        Assert.Equal(TransitionOutcome.StaleIgnored, order.MarkExpired(Later).Outcome);
        Assert.Equal(TopUpStatus.Succeeded, order.Status);
        Assert.Equal(TimelineEntryKind.StaleEventIgnored, order.Timeline[^1].Kind);
    }

    [Fact]
    public void A_final_failure_keeps_the_code_and_its_guidance()
    {
        var order = New();

        order.MarkFailed(PaymentErrors.BankTransferFailed, Later);

        Assert.Equal(TopUpStatus.Failed, order.Status);
        Assert.Equal("bank_transfer_failed", order.Failure!.Code);
        Assert.Contains("click the \"Help\" icon", order.Failure.Guidance, StringComparison.Ordinal);
        Assert.Equal("bank_transfer_failed", order.Timeline[^1].Code);
    }

    [Fact]
    public void Expiry_and_cancellation_carry_their_own_codes()
    {
        var expired = New();
        var cancelled = New();

        expired.MarkExpired(Later);
        cancelled.Cancel(Later);

        Assert.Equal("payment_expired", expired.Failure!.Code);
        Assert.Equal("payment_cancelled", cancelled.Failure!.Code);
    }

    [Fact]
    public void Paid_event_after_expiry_becomes_a_late_capture_with_the_guides_refund_promise()
    {
        var order = In(TopUpStatus.Expired);

        var transition = order.MarkPaid(Later, "pi_late");

        Assert.Equal(new Transition(TransitionOutcome.Applied, TopUpStatus.Expired, TopUpStatus.LateCapture), transition);
        Assert.Equal("pi_late", order.References.PaymentIntentId);
        var entry = order.Timeline[^1];
        Assert.Equal(TimelineEntryKind.LateCapture, entry.Kind);
        Assert.Contains("automatically refunded to your account within 1-7 business days", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_capture_kept_by_policy_becomes_a_success_once()
    {
        var order = In(TopUpStatus.LateCapture);

        Assert.True(order.CreditLateCapture(Later).Value.IsApplied);
        Assert.Equal(TopUpStatus.Succeeded, order.Status);
        Assert.Equal(TimelineEntryKind.LateCaptureCredited, order.Timeline[^1].Kind);
        Assert.Equal(TransitionOutcome.DuplicateIgnored, order.CreditLateCapture(Later).Value.Outcome);
    }

    [Fact]
    public void Only_a_late_capture_can_be_credited_by_policy()
    {
        Assert.Equal("order_not_late_capture", In(TopUpStatus.Succeeded).CreditLateCapture(Later).Error!.Code);
        Assert.Equal("order_not_late_capture", In(TopUpStatus.Failed).CreditLateCapture(Later).Error!.Code);
    }

    [Fact]
    public void A_late_capture_being_refunded_cannot_also_be_credited()
    {
        var order = In(TopUpStatus.LateCapture);
        order.RequestLateCaptureRefund(Guid.NewGuid(), Later);

        Assert.Equal("late_capture_refund_in_progress", order.CreditLateCapture(Later).Error!.Code);
    }

    [Fact]
    public void Every_change_raises_the_version_and_the_update_time()
    {
        var order = New();

        order.OpenSession(new ProviderReferences(SessionId: "cs_test_1"), T0.AddMinutes(1));
        order.RecordDeclinedAttempt(PaymentErrors.CardDeclined, null, null, T0.AddMinutes(2));
        order.MarkPaid(T0.AddMinutes(3));

        Assert.Equal(4, order.Version);
        Assert.Equal(T0.AddMinutes(3), order.UpdatedAt);
        Assert.Equal(
            [TimelineEntryKind.Created, TimelineEntryKind.Redirected, TimelineEntryKind.AttemptDeclined, TimelineEntryKind.Paid],
            order.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public void A_late_event_with_an_older_time_never_moves_the_update_time_back()
    {
        var order = New();
        order.MarkPaid(T0.AddMinutes(10));

        order.MarkExpired(T0.AddMinutes(5));

        Assert.Equal(T0.AddMinutes(10), order.UpdatedAt);
    }

    [Fact]
    public void A_late_capture_tells_the_customer_the_money_goes_back_within_one_to_seven_business_days()
    {
        var order = New();
        order.MarkExpired(Later);

        order.MarkPaid(Later.AddMinutes(1), "pi_1");

        Assert.Contains("1-7 business days", order.LateCaptureNotice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_capture_kept_on_the_balance_says_so_instead_of_promising_a_refund()
    {
        var order = New();
        order.MarkExpired(Later);
        order.MarkPaid(Later.AddMinutes(1), "pi_1");

        order.CreditLateCapture(Later.AddMinutes(2));

        Assert.Contains("added to your balance", order.LateCaptureNotice, StringComparison.Ordinal);
        Assert.DoesNotContain("refunded", order.LateCaptureNotice, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_paid_in_time_carries_no_late_capture_notice()
    {
        var order = New();

        order.MarkPaid(Later, "pi_1");

        Assert.Null(order.LateCaptureNotice);
    }
}
