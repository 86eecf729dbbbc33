using IpoctoPayments.Application.Common.Errors;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class CreateTopUpTests : ApplicationTest
{
    [Fact]
    public async Task A_Stripe_card_top_up_in_USD_awaits_payment_on_the_Stripe_page()
    {
        var result = await App.Send(StripeCard("20.00"));

        Assert.False(result.Replayed);
        var topUp = result.TopUp;
        Assert.Equal("awaiting_payment", topUp.Status);
        Assert.Equal("stripe", topUp.Provider);
        Assert.Equal(("20.00", "USD"), (topUp.Amount.Amount, topUp.Amount.Currency));
        Assert.Equal(("20.00", "USD"), (topUp.Charge.Amount, topUp.Charge.Currency));
        Assert.Null(topUp.ExchangeRate);
        Assert.Equal("card", topUp.PaymentMethod);
        Assert.Matches("^TU-[0-9A-Z]{5}-[0-9A-Z]{5}$", topUp.OrderNumber);
        var request = Assert.Single(App.Stripe.SessionRequests);
        Assert.Equal(topUp.PaymentUrl, Assert.Single(App.Stripe.Sessions).RedirectUrl);
        Assert.Equal((2000L, "USD"), (request.Charge.MinorUnits, request.Charge.Currency.Code));
        Assert.Equal(new Uri(ReturnUrl), request.ReturnUrl);
        Assert.Equal(App.Clock.GetUtcNow().AddHours(1), request.ExpiresAt);
        Assert.Equal(topUp.Id, Assert.Single(App.Database.Orders).Id);
        Assert.Equal("0.00", await App.Balance());
    }

    [Fact]
    public async Task A_PayerMax_GCash_top_up_in_the_Philippines_charges_PHP_at_the_locked_rate()
    {
        var topUp = await App.CreateTopUp(PayerMaxGCash("10.00"));

        Assert.Equal(("10.00", "USD"), (topUp.Amount.Amount, topUp.Amount.Currency));
        Assert.Equal(("562.50", "PHP"), (topUp.Charge.Amount, topUp.Charge.Currency));
        Assert.Equal("1 USD = 56.25 PHP", topUp.ExchangeRate);
        Assert.Equal("gcash", topUp.PaymentMethod);
        Assert.Equal(56250L, Assert.Single(App.PayerMax.SessionRequests).Charge.MinorUnits);
        Assert.Empty(App.Stripe.SessionRequests);
    }

    [Fact]
    public async Task A_changed_rate_does_not_move_the_charge_of_an_order_already_created()
    {
        var topUp = await App.CreateTopUp(PayerMaxGCash("10.00"));
        App.Rates.Set("USD", "PHP", "60");

        var read = await App.Ask(new TopUps.GetTopUp.GetTopUpQuery(Account, topUp.Id));

        Assert.Equal("562.50", read.Charge.Amount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    public async Task A_zero_amount_is_invalid(string amount)
    {
        var error = await Errors.Refused(() => App.Send(StripeCard(amount)));

        Assert.Equal((ErrorKind.Invalid, "invalid_amount", "amount"), (error.Kind, error.Code, error.Field));
        Assert.Empty(App.Stripe.SessionRequests);
        Assert.Empty(App.Database.Orders);
    }

    [Theory]
    [InlineData("0.99", "amount_below_minimum", "A top-up must be at least 1.00 USD; enter 1.00 USD or more.")]
    [InlineData("10000.01", "amount_above_maximum", "A top-up can be at most 10000.00 USD; enter 10000.00 USD or less, and top up the rest in another top-up.")]
    public async Task An_amount_outside_the_default_limits_is_refused_before_any_provider_is_asked(string amount, string code, string message)
    {
        var error = await Errors.Refused(() => App.Send(PayerMaxGCash(amount)));

        Assert.Equal((ErrorKind.Unprocessable, code, "amount", message), (error.Kind, error.Code, error.Field, error.Message));
        Assert.Empty(App.PayerMax.SessionRequests);
        Assert.Empty(App.Database.Orders);
    }

    [Theory]
    [InlineData("1.00")]
    [InlineData("10000.00")]
    public async Task An_amount_at_a_default_limit_is_taken(string amount)
    {
        var topUp = await App.CreateTopUp(StripeCard(amount));

        Assert.Equal(amount, topUp.Amount.Amount);
    }

    [Fact]
    public async Task A_method_not_offered_in_the_country_is_unprocessable_with_the_guides_reason()
    {
        var error = await Errors.Refused(() => App.Send(TopUp("payermax", "PH", "knet", "20.00")));

        Assert.Equal((ErrorKind.Unprocessable, "payment_method_unavailable", "paymentMethod"), (error.Kind, error.Code, error.Field));
        Assert.Contains("The available payment methods vary depending on your country/region.", error.Message, StringComparison.Ordinal);
        Assert.Empty(App.PayerMax.SessionRequests);
    }

    [Fact]
    public async Task A_provider_that_does_not_serve_the_country_is_unprocessable_with_the_guides_reason()
    {
        var error = await Errors.Refused(() => App.Send(TopUp("stripe", "PH", null, "20.00")));

        Assert.Equal((ErrorKind.Unprocessable, "payment_method_unavailable"), (error.Kind, error.Code));
        Assert.Contains("does not offer payments in PH", error.Message, StringComparison.Ordinal);
        Assert.Empty(App.Stripe.SessionRequests);
    }

    [Theory]
    [InlineData("stripe", "US", "card", "0.20", "The minimum amount for Credit or debit card")]
    [InlineData("payermax", "PH", "bill_payment", "0.50", "The minimum amount for Bill payment is 50.00 PHP")]
    [InlineData("payermax", "PH", "bill_payment", "1000.00", "The maximum amount for Bill payment is 50000.00 PHP")]
    public async Task An_amount_outside_the_methods_limits_is_out_of_range(string provider, string country, string method, string amount, string reason)
    {
        // ipocto's own minimum (1.00 by default) is above these methods' own: lowered, so the method's range is what refuses.
        await using var app = new PaymentsHarness(new Dictionary<string, string?> { ["TopUps:Limits:MinimumPerTopUp"] = "0.01" });

        var error = await Errors.Refused(() => app.Send(TopUp(provider, country, method, amount)));

        Assert.Equal((ErrorKind.Unprocessable, "amount_out_of_range", "paymentMethod"), (error.Kind, error.Code, error.Field));
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(app.Database.Orders);
    }

    [Fact]
    public async Task A_provider_that_is_down_gives_provider_unavailable_and_keeps_no_order_and_no_key()
    {
        App.Stripe.Unavailable = true;

        var error = await Errors.Refused(() => App.Send(StripeCard(key: "key-1")));

        Assert.Equal((ErrorKind.ProviderUnavailable, "provider_unavailable"), (error.Kind, error.Code));
        Assert.Single(App.Stripe.SessionRequests);
        Assert.Empty(App.Database.Orders);
        Assert.Empty(App.Database.IdempotencyKeys);
    }

    [Fact]
    public async Task The_same_key_and_body_again_returns_the_first_order_without_a_second_session()
    {
        var first = await App.Send(StripeCard(key: "key-1"));

        var again = await App.Send(StripeCard(key: "key-1"));

        Assert.True(again.Replayed);
        Assert.Equal((first.TopUp.Id, first.TopUp.OrderNumber), (again.TopUp.Id, again.TopUp.OrderNumber));
        Assert.Single(App.Stripe.SessionRequests);
        Assert.Single(App.Database.Orders);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_as_a_reused_key()
    {
        await App.Send(StripeCard("20.00", key: "key-1"));

        var error = await Errors.Refused(() => App.Send(StripeCard("25.00", key: "key-1")));

        Assert.Equal((ErrorKind.Unprocessable, "idempotency_key_reused"), (error.Kind, error.Code));
        Assert.Single(App.Stripe.SessionRequests);
        Assert.Single(App.Database.Orders);
    }

    [Fact]
    public async Task The_same_key_from_another_account_opens_that_accounts_own_top_up()
    {
        var mine = await App.Send(StripeCard(key: "key-1"));

        var theirs = await App.Send(TopUp("stripe", "US", "card", "20.00", "key-1", account: "someone-else"));

        Assert.False(theirs.Replayed);
        Assert.NotEqual(mine.TopUp.Id, theirs.TopUp.Id);
        Assert.Equal("someone-else", theirs.TopUp.AccountId);
    }

    [Fact]
    public async Task Different_keys_open_different_top_ups()
    {
        var first = await App.CreateTopUp(StripeCard(key: "key-1"));
        var second = await App.CreateTopUp(StripeCard(key: "key-2"));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, App.Stripe.Sessions.Count);
    }

    [Fact]
    public async Task A_retry_after_a_lost_provider_answer_meets_the_session_and_order_of_the_first_attempt()
    {
        App.Stripe.LoseNextAnswer = true;
        await Errors.Refused(() => App.Send(StripeCard(key: "key-1")));
        var lost = Assert.Single(App.Stripe.SessionRequests);
        Assert.Empty(App.Database.Orders);

        var retried = await App.Send(StripeCard(key: "key-1"));

        Assert.False(retried.Replayed);
        Assert.Equal((lost.OrderId, lost.IdempotencyKey, lost.ExpiresAt), (App.Stripe.SessionRequests[1].OrderId, App.Stripe.SessionRequests[1].IdempotencyKey, App.Stripe.SessionRequests[1].ExpiresAt));
        Assert.Equal((lost.OrderId, lost.OrderNumber), (retried.TopUp.Id, retried.TopUp.OrderNumber));
        Assert.Single(App.Stripe.Sessions);
        Assert.Equal(lost.OrderId, Assert.Single(App.Database.Orders).Id);
    }

    [Fact]
    public async Task An_answer_that_could_not_be_kept_with_its_key_still_reaches_the_caller_and_a_later_retry_finds_the_same_order()
    {
        App.Database.FailKeyCompletion = true;
        var first = await App.Send(StripeCard(key: "key-1"));
        App.Database.FailKeyCompletion = false;

        var meanwhile = await Errors.Refused(() => App.Send(StripeCard(key: "key-1")));
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await App.Send(StripeCard(key: "key-1"));

        Assert.Equal((ErrorKind.Conflict, "idempotency_key_in_use"), (meanwhile.Kind, meanwhile.Code));
        Assert.Equal((first.TopUp.Id, first.TopUp.OrderNumber), (retried.TopUp.Id, retried.TopUp.OrderNumber));
        Assert.Single(App.Stripe.Sessions);
        Assert.Single(App.Database.Orders);
    }
}
