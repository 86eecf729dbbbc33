using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Ledger.GetLedger;
using IpoctoPayments.Application.PaymentMethods.ListPaymentMethods;
using IpoctoPayments.Application.Support.GetOrderTimeline;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.TopUps.ListTopUps;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class QueryTests : ApplicationTest
{
    [Fact]
    public async Task The_Philippines_offer_GCash_charged_in_PHP_and_say_why_Stripe_is_absent()
    {
        var methods = await App.Ask(new ListPaymentMethodsQuery("PH", "10.00", null));

        Assert.Equal("PH", methods.Country);
        var gcash = Assert.Single(methods.Offered, m => m.Code == "gcash");
        Assert.Equal(("payermax", "wallet", "redirect"), (gcash.Provider, gcash.Kind, gcash.Flow));
        Assert.Equal(("PHP", "562.50", "1 USD = 56.25 PHP"), (gcash.ChargeCurrency, gcash.ChargeAmount, gcash.ExchangeRate));
        var card = Assert.Single(methods.Unavailable, m => m is { Provider: "stripe", Code: "card" });
        Assert.Equal("provider_not_serving_country", card.Reason);
        Assert.Contains("The available payment methods vary depending on your country/region.", card.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_whose_minimum_the_amount_misses_is_absent_with_its_limit()
    {
        var methods = await App.Ask(new ListPaymentMethodsQuery("PH", "0.50", "payermax"));

        Assert.Contains(methods.Offered, m => m.Code == "gcash");
        var billPayment = Assert.Single(methods.Unavailable, m => m.Code == "bill_payment");
        Assert.Equal("amount_below_minimum", billPayment.Reason);
        Assert.Equal("The minimum amount for Bill payment is 50.00 PHP (at least 1.00 USD at the current rate).", billPayment.Message);
        Assert.DoesNotContain(methods.Unavailable, m => m.Provider == "stripe");
    }

    [Fact]
    public async Task Without_a_rate_to_PHP_the_wallets_are_absent_because_of_the_currency()
    {
        App.Rates.Set("USD", "PHP", null);

        var methods = await App.Ask(new ListPaymentMethodsQuery("PH", "10.00", "payermax"));

        Assert.Empty(methods.Offered);
        Assert.Equal("currency_not_supported", Assert.Single(methods.Unavailable, m => m.Code == "gcash").Reason);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.00")]
    [InlineData("1.005")]
    public async Task Listing_methods_for_an_amount_that_cannot_be_topped_up_is_invalid(string amount)
    {
        var error = await Errors.Refused(() => App.Ask(new ListPaymentMethodsQuery("PH", amount, null)));

        Assert.Equal((ErrorKind.Invalid, "invalid_amount", "amount"), (error.Kind, error.Code, error.Field));
    }

    [Fact]
    public async Task Listing_methods_without_a_country_is_a_validation_error()
    {
        var error = await Errors.Invalid(() => App.Ask(new ListPaymentMethodsQuery(null, "10.00", null)));

        Assert.Equal(("country_required", "country"), (error.Code, error.Field));
    }

    [Fact]
    public async Task Top_ups_are_listed_newest_first_a_page_at_a_time()
    {
        var created = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            created.Add((await App.CreateTopUp(StripeCard($"{i}0.00"))).Id);
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await App.CreateTopUp(TopUp("stripe", "US", "card", "20.00", account: "someone-else"));

        var first = await App.Ask(new ListTopUpsQuery(Account, null, 2));
        var second = await App.Ask(new ListTopUpsQuery(Account, first.NextCursor, 2));

        Assert.Equal([created[2], created[1]], first.Items.Select(t => t.Id));
        Assert.Equal(created[1], first.NextCursor);
        Assert.Equal([created[0]], second.Items.Select(t => t.Id));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_validation_error()
    {
        var error = await Errors.Invalid(() => App.Ask(new ListTopUpsQuery(Account, null, 0)));

        Assert.Equal(("invalid_limit", "limit"), (error.Code, error.Field));
    }

    [Fact]
    public async Task Another_accounts_top_up_is_not_found()
    {
        var topUp = await App.CreateTopUp(StripeCard());

        var error = await Errors.Refused(() => App.Ask(new GetTopUpQuery("someone-else", topUp.Id)));

        Assert.Equal((ErrorKind.NotFound, "topup_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task Support_finds_the_timeline_by_an_order_number_typed_in_lowercase_without_dashes()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await App.Deliver(App.Event(topUp, ProviderEventKind.AttemptDeclined, "evt_declined") with { ProviderCode = "incorrect_cvc" });
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Paid, "evt_paid"));

        var typed = topUp.OrderNumber.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var found = await App.Ask(new GetOrderTimelineQuery(typed));

        Assert.Equal(topUp.Id, found.TopUp.Id);
        Assert.Equal(
            ["created", "redirected", "webhook_received", "attempt_declined", "webhook_received", "paid"],
            found.Timeline.Select(e => e.Kind));
        Assert.Equal("incorrect_cvc", found.Timeline.Single(e => e.Kind == "attempt_declined").Code);
        Assert.Contains(found.Timeline, e => e.Message.Contains("evt_paid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_number_nobody_has_is_not_found()
    {
        var error = await Errors.Refused(() => App.Ask(new GetOrderTimelineQuery("TU-00000-00000")));

        Assert.Equal((ErrorKind.NotFound, "order_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task The_ledger_shows_the_credit_and_the_refund_debit_newest_first()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        await App.Send(new Refunds.RequestRefund.RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        var ledger = await App.Ask(new GetLedgerQuery(Account, null));

        Assert.Equal("15.00", ledger.Balance.Amount);
        Assert.Equal([("refund_debit", "-5.00"), ("top_up_credit", "20.00")], ledger.Items.Select(l => (l.Kind, l.Amount.Amount)));
        Assert.Null(ledger.NextCursor);

        var firstPage = await App.Ask(new GetLedgerQuery(Account, null, 1));
        var secondPage = await App.Ask(new GetLedgerQuery(Account, firstPage.NextCursor, 1));
        Assert.Equal(["refund_debit"], firstPage.Items.Select(l => l.Kind));
        Assert.Equal(["top_up_credit"], secondPage.Items.Select(l => l.Kind));
        Assert.Null(secondPage.NextCursor);
    }
}
