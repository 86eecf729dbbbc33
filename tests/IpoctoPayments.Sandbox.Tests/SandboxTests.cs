using System.Net;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Sandbox.Tests;

public sealed class SandboxTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/console.js", "text/javascript")]
    [InlineData("/console.css", "text/css")]
    [InlineData("/health", "text/plain")]
    [InlineData("/health/live", "text/plain")]
    [InlineData("/health/ready", "application/json")]
    [InlineData("/scalar/v1", "text/html")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/_simulator/openapi/simulator.json", "application/json")]
    public async Task The_console_page_and_the_service_addresses_answer(string path, string mediaType)
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        using var response = await sandbox.Browser.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_reference_and_readiness_describe_the_sandboxs_own_api_and_simulator()
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        await sandbox.Pages.OpenAsync("/scalar/v1");
        var reference = sandbox.Pages.Html;
        using var ready = await sandbox.Browser.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("<title>ipocto Payments API</title>", reference, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", reference, StringComparison.Ordinal);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(["database", "draining", "payermax", "stripe"], report.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }

    [Fact]
    public async Task The_console_page_is_the_guides_Balance_Top_up()
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        await sandbox.Pages.OpenAsync("/");
        var page = sandbox.Pages.Html;

        Assert.Contains("ipocto console", page, StringComparison.Ordinal);
        Assert.Contains("Step 1: Balance Top-up", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"amount\">Amount</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"currency\">Currency</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"country\">Country/region</label>", page, StringComparison.Ordinal);
        Assert.Contains(">Top up</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Stripe_card_top_up_walks_steps_1_to_5_and_credits_the_balance()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var topUp = await sandbox.TopUpAsync("20.00", "stripe", "US", "card");
        await sandbox.Pages.OpenAsync(topUp.PaymentUrl());
        await sandbox.Pages.SubmitAsync("Pay", ("card_number", "4242 4242 4242 4242"), ("card_expiry", "12 / 34"), ("card_cvc", "123"));

        await AssertBackOnTheConsoleAndCreditedAsync(sandbox, topUp.Id(), "20.00");
        await sandbox.Pages.OpenAsync(sandbox.Pages.ReturnedTo!);
        Assert.Contains("ipocto console", sandbox.Pages.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_Stripe_card_leaves_the_order_open_with_the_attempts_code_and_guidance()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var topUp = await sandbox.TopUpAsync("20.00", "stripe", "US", "card");
        await sandbox.Pages.OpenAsync(topUp.PaymentUrl());
        await sandbox.Pages.SubmitAsync("Pay", ("card_number", "4000 0000 0000 9995"), ("card_expiry", "12 / 34"), ("card_cvc", "123"));

        Assert.Equal(HttpStatusCode.PaymentRequired, sandbox.Pages.Status);
        var order = await sandbox.WaitForOrderAsync(topUp.Id(), o => o.GetProperty("attempts").GetArrayLength() > 0);
        Assert.Equal("awaiting_payment", order.GetProperty("status").GetString());
        var error = Assert.Single(order.GetProperty("attempts").EnumerateArray()).GetProperty("error");
        Assert.Equal("insufficient_funds", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("guidance").GetString()));
        Assert.Equal("0.00", await sandbox.Console.BalanceAsync());
    }

    [Fact]
    public async Task A_Stripe_WeChat_Pay_top_up_is_paid_by_scanning_the_QR_code()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var topUp = await sandbox.TopUpAsync("15.00", "stripe", "US", "wechat_pay");
        await sandbox.Pages.OpenAsync(topUp.PaymentUrl());
        await sandbox.Pages.ScanAsync();

        await AssertBackOnTheConsoleAndCreditedAsync(sandbox, topUp.Id(), "15.00");
    }

    [Fact]
    public async Task A_PayerMax_e_wallet_top_up_in_the_Philippines_is_confirmed_in_the_wallet_app()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var topUp = await sandbox.TopUpAsync("10.00", "payermax", "PH", "gcash");
        Assert.Equal("562.50", topUp.GetProperty("charge").GetProperty("amount").GetString());
        await sandbox.Pages.FollowAsync(topUp.PaymentUrl().AbsoluteUri, "Pay with GCash", "Open wallet app");
        await sandbox.Pages.SubmitAsync("Confirm payment");

        await AssertBackOnTheConsoleAndCreditedAsync(sandbox, topUp.Id(), "10.00");
    }

    [Fact]
    public async Task A_PayerMax_bank_transfer_in_Taiwan_is_authorised_at_the_bank()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var topUp = await sandbox.TopUpAsync("25.00", "payermax", "TW", "yushan_bank");
        Assert.Equal("TWD", topUp.GetProperty("charge").GetProperty("currency").GetString());
        await sandbox.Pages.FollowAsync(topUp.PaymentUrl().AbsoluteUri, "Pay with E.SUN Bank", "Continue to bank");
        await sandbox.Pages.SubmitAsync("Authorise", ("username", "demo"), ("password", "demo"));

        await AssertBackOnTheConsoleAndCreditedAsync(sandbox, topUp.Id(), "25.00");
    }

    [Fact]
    public async Task Past_top_ups_are_listed_newest_first()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        var first = await sandbox.TopUpAsync("5.00", "stripe", "GB", null);
        var second = await sandbox.TopUpAsync("7.00", "payermax", "SG", null);

        var listed = await sandbox.Console.TopUpsAsync();
        Assert.Equal([second.OrderNumber(), first.OrderNumber()], listed.Select(t => t.OrderNumber()).ToArray());
    }

    [Fact]
    public async Task A_top_up_returning_anywhere_but_the_sandboxs_console_is_refused_naming_the_console()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        await sandbox.SignInAsync();

        using var response = await sandbox.Console.PostTopUpAsync(TopUpRequest.For("stripe", "US", "card", "20.00", returnUrl: "https://evil.example/steal"));

        var problem = await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, "return_url_not_allowed");
        Assert.Contains($"under {sandbox.BaseUrl.GetLeftPart(UriPartial.Authority)},", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await sandbox.Console.TopUpsAsync());
    }

    /// <summary>Guide step 5: the provider sends the customer back (303) to the console page, and the webhook credits the balance.</summary>
    private static async Task AssertBackOnTheConsoleAndCreditedAsync(RunningSandbox sandbox, string id, string balance)
    {
        Assert.Equal(HttpStatusCode.SeeOther, sandbox.Pages.Status);
        Assert.StartsWith(new Uri(sandbox.BaseUrl, $"/?topup={id}").AbsoluteUri, sandbox.Pages.ReturnedTo?.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("succeeded", (await sandbox.WaitUntilSettledAsync(id)).Status());
        Assert.Equal(balance, await sandbox.Console.BalanceAsync());
    }
}
