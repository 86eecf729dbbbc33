using System.Text.Json.Nodes;
using IpoctoPayments.Api.Disputes;
using IpoctoPayments.Api.Ledger;
using IpoctoPayments.Api.Refunds;
using IpoctoPayments.Api.TopUps;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Disputes.ListOpenDisputes;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Application.Ledger.GetBalance;
using IpoctoPayments.Application.Ledger.GetLedger;
using IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;
using IpoctoPayments.Application.Reconciliation;
using IpoctoPayments.Application.Reconciliation.ReconcileTopUp;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.Support.GetOrderTimeline;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.GetTopUpLimits;
using IpoctoPayments.Application.TopUps.ListTopUps;
using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Api.Common.Reference;

/// <summary>
/// One customer's story, told in the API's own types so that an example cannot drift from the shape it shows: a 20.00
/// USD card top-up through Stripe that is paid, declined once before, and partly refunded.
/// </summary>
internal static class Samples
{
    public static readonly Guid TopUpId = Guid.Parse("0196f1c2-7a3b-7c4d-8e5f-3a9b2c1d4e5f");
    public static readonly Guid RefundId = Guid.Parse("0196f1d0-11aa-7b2c-9d3e-4f5a6b7c8d9e");
    public const string OrderNumber = "TU-7K3M9-QX2AB";
    public const string Account = "acc-42";

    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Declined = Created.AddMinutes(2);
    private static readonly DateTimeOffset Paid = Created.AddMinutes(3);
    private static readonly DateTimeOffset Refunded = Created.AddDays(1);

    private static readonly MoneyView Twenty = new("20.00", "USD");
    private static readonly MoneyView Five = new("5.00", "USD");

    public static CreateTopUpRequest CreateStripeCard { get; } = new(Twenty, "stripe", "US", "card", "https://console.ipocto.com/billing/topups");

    public static TopUpView AwaitingPayment { get; } = new(
        TopUpId, OrderNumber, Account, "stripe", "awaiting_payment", Twenty, Twenty, null, "US", "card",
        new Uri("https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8"), null, [], [], new MoneyView("0.00", "USD"), Created, Created, null, null);

    public static TopUpView Succeeded { get; } = AwaitingPayment with
    {
        Status = "succeeded",
        PaymentUrl = null,
        Attempts = [new AttemptView(Declined, ErrorView.From(PaymentErrors.InsufficientFunds))],
        Refundable = Twenty,
        UpdatedAt = Paid,
        PaidAt = Paid,
    };

    public static RefundView Refund { get; } = new(RefundId, "pending", Five, Five, false, null, Refunded, null);

    public static TopUpView PartlyRefunded { get; } = Succeeded with
    {
        Status = "partially_refunded",
        Refunds = [Refund],
        Refundable = new MoneyView("15.00", "USD"),
        UpdatedAt = Refunded,
    };

    public static TopUpPage Page { get; } = new([Succeeded], null);

    public static TopUpLimitsView Limits { get; } = new(
        new MoneyView("1.00", "USD"), new MoneyView("10000.00", "USD"), new MoneyView("20000.00", "USD"),
        new MoneyView("12500.00", "USD"), new MoneyView("7500.00", "USD"), new MoneyView("7500.00", "USD"));

    public static readonly Guid DisputeId = Guid.Parse("3f1e2d4c-5b6a-4978-8c7d-6e5f4a3b2c1d");
    public const string ProviderDisputeId = "dp_1QxY2z3A4b5C6d7E";

    private static readonly DateTimeOffset DisputeOpened = Created.AddDays(20);

    public static DisputeCaseView OpenDispute { get; } = new(TopUpId, OrderNumber, Account, "stripe", new DisputeView(
        DisputeId, ProviderDisputeId, "needs_response", "fraudulent", false, Twenty, Twenty, DisputeOpened, DisputeOpened.AddDays(7), null, false, null));

    public static OpenDisputes OpenDisputes { get; } = new([OpenDispute]);

    public static SubmitDisputeEvidenceRequest Evidence { get; } = new(
        "The account holder signed in from their usual device and spent the balance on ipocto compute the same day; usage logs attached to the case.");

    public static DisputeCaseView DisputeWithEvidence { get; } = OpenDispute with { Dispute = OpenDispute.Dispute with { EvidenceSubmittedAt = DisputeOpened.AddDays(1) } };

    public static DisputeCaseView AcceptedDispute { get; } = OpenDispute with { Dispute = OpenDispute.Dispute with { Accepted = true } };

    public static BalanceView Balance { get; } = new(Account, new MoneyView("35.00", "USD"), new MoneyView("35.00", "USD"), new MoneyView("0.00", "USD"), null);

    public static LedgerPage Ledger { get; } = new(
        new MoneyView("35.00", "USD"),
        [
            new LedgerLineView(1043, TopUpId, "refund_debit", RefundId, new MoneyView("-5.00", "USD"), Refunded),
            new LedgerLineView(1017, TopUpId, "top_up_credit", null, Twenty, Paid),
        ],
        1017);

    public static PaymentMethodsView PaymentMethods { get; } = new(
        "PH",
        [
            new PaymentMethodView("payermax", "gcash", "GCash", "wallet", "redirect", ["PHP"], "PHP", "562.50", "1 USD = 56.25 PHP", null, null),
            new PaymentMethodView("stripe", "card", "Credit or debit card", "card", "form", ["USD"], "USD", "10.00", null, new MoneyView("0.50", "USD"), new MoneyView("999999.99", "USD")),
        ],
        [
            new UnavailableMethodView("stripe", "wechat_pay", "WeChat Pay", "not_offered_in_country",
                "WeChat Pay is not offered in PH. The available payment methods vary depending on your country/region."),
        ]);

    public static readonly Guid DebitId = Guid.Parse("7d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a");

    public static DebitBalanceRequest DebitFive { get; } = new(Five, "inv-2026-03-0042");

    public static DebitView Debit { get; } = new(DebitId, Account, Five, "inv-2026-03-0042", "posted", Refunded, null, new MoneyView("30.00", "USD"));

    public static DebitView ReversedDebit { get; } = Debit with { Status = "reversed", ReversedAt = Refunded.AddHours(2), Balance = new MoneyView("35.00", "USD") };

    public static RequestRefundRequest RefundFive { get; } = new(Five);

    public static RequestRefundResult RefundResult { get; } = new(Refund, PartlyRefunded);

    public static OrderTimelineView Timeline { get; } = new(
        Succeeded,
        [
            new TimelineEntryView(Created, "created", "Top-up of 20.00 USD created with stripe.", null),
            new TimelineEntryView(Created, "redirected", "Payment page opened.", null),
            new TimelineEntryView(Declined, "attempt_declined", PaymentErrors.InsufficientFunds.Message, PaymentErrors.InsufficientFunds.Code),
            new TimelineEntryView(Paid, "paid", "Payment confirmed; 20.00 USD credited.", null),
        ]);

    public static ReconciliationReport Reconciliation { get; } = new(
        3,
        [new ReconciledTopUp(TopUpId, OrderNumber, "awaiting_payment", "succeeded", ["provider reports the payment paid: applied"])],
        []);

    public static JsonNode StripeEvent { get; } = JsonNode.Parse("""
        {
          "id": "evt_1Qx7Yb2eZvKYlo2C",
          "object": "event",
          "api_version": "2026-10-28.endive",
          "created": 1772442180,
          "type": "checkout.session.completed",
          "data": {
            "object": {
              "id": "cs_test_a1B2c3D4e5F6g7H8",
              "object": "checkout.session",
              "client_reference_id": "0196f1c27a3b7c4d8e5f3a9b2c1d4e5f",
              "payment_intent": "pi_3Qx7Yb2eZvKYlo2C1",
              "payment_status": "paid",
              "status": "complete",
              "amount_total": 2000,
              "currency": "usd",
              "metadata": { "topup_id": "0196f1c2-7a3b-7c4d-8e5f-3a9b2c1d4e5f", "order_number": "TU-7K3M9-QX2AB", "account_id": "acc-42" }
            }
          }
        }
        """)!;

    public static JsonNode PayerMaxNotification { get; } = JsonNode.Parse("""
        {
          "code": "APPLY_SUCCESS",
          "msg": "",
          "keyVersion": "1",
          "appId": "ipocto_app",
          "merchantNo": "SDP01010114186888",
          "notifyTime": "2026-03-02T09:03:00.000+00:00",
          "notifyType": "PAYMENT",
          "data": {
            "outTradeNo": "0196f1c27a3b7c4d8e5f3a9b2c1d4e5f",
            "tradeToken": "T2026030209000012345",
            "totalAmount": 562.50,
            "currency": "PHP",
            "country": "PH",
            "status": "SUCCESS",
            "paymentDetails": [{ "paymentMethodType": "WALLET", "targetOrg": "GCASH" }]
          }
        }
        """)!;
}
