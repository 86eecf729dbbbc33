using System.Net;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Tests.Support;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class CashierTests
{
    private static async Task<(PayerMaxClient Client, HostedPageBrowser Cashier, string Url)> OrderAsync(SimulatorFixture sim, JsonObject order)
    {
        var client = new PayerMaxClient(sim);
        var created = await client.CreateOrderAsync(order);
        return (client, client.Cashier(), new Uri(created.Text("redirectUrl")!).PathAndQuery);
    }

    [Fact]
    public async Task The_cashier_shows_the_amount_subject_and_the_countrys_local_methods()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (_, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_1", 1234.5m, subject: "Console credit <ipocto>"));

        await cashier.OpenAsync(url);
        var page = cashier.Html;

        Assert.Contains("1,234.50 PHP", page, StringComparison.Ordinal);
        Assert.Contains("Console credit &lt;ipocto&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<ipocto>", page, StringComparison.Ordinal);
        Assert.Contains("Pay with GCash", page, StringComparison.Ordinal);
        Assert.Contains("Pay with QR Ph", page, StringComparison.Ordinal);
        Assert.Contains("Pay with Bills payment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preselected_method_is_the_only_one_offered()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("CSH_2", 100m, "IDR", "ID");
        order["paymentDetail"] = new JsonObject { ["paymentMethodType"] = "WALLET", ["targetOrg"] = "DANA" };
        var (_, cashier, url) = await OrderAsync(sim, order);

        await cashier.OpenAsync(url);
        var page = cashier.Html;

        Assert.Contains("Pay with DANA", page, StringComparison.Ordinal);
        Assert.DoesNotContain("LinkAja", page, StringComparison.Ordinal);
        Assert.DoesNotContain("BCA", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_wallet_shows_a_scannable_QR_code_and_a_simulated_scan_pays_the_order()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_3"));
        await cashier.FollowAsync(url, "Pay with GCash");

        var (qr, type) = await cashier.ImageAsync("QR code to pay with GCash");
        Assert.Equal("image/png", type);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], qr[..4]);
        await cashier.ScanAsync();
        var back = PayerMaxClient.ReturnQuery(cashier);
        await sim.RunDueAsync();

        Assert.Equal("outTradeNo=CSH_3&status=SUCCESS", back);
        var query = await client.QueryAsync("CSH_3");
        Assert.Equal("SUCCESS", query.Text("status"));
        var detail = query.Data["paymentDetails"]![0]!;
        Assert.Equal("WALLET", (string?)detail["paymentMethodType"]);
        Assert.Equal("GCASH", (string?)detail["targetOrg"]);
        Assert.Equal("SUCCESS", (string?)Assert.Single(client.Notifications("PAYMENT"))["data"]!["status"]);
    }

    [Fact]
    public async Task Open_wallet_app_leads_to_a_confirm_page_whose_confirmation_pays()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_4", 300m, "IDR", "ID"));
        await cashier.FollowAsync(url, "Pay with LinkAja", "Open wallet app");

        Assert.Contains("Simulated wallet app", cashier.Html, StringComparison.Ordinal);
        Assert.Contains("300 IDR", cashier.Html, StringComparison.Ordinal);
        await cashier.SubmitAsync("Confirm payment");
        var back = PayerMaxClient.ReturnQuery(cashier);

        Assert.Equal("outTradeNo=CSH_4&status=SUCCESS", back);
        Assert.Equal("LINKAJA", (string?)(await client.QueryAsync("CSH_4")).Data["paymentDetails"]![0]!["targetOrg"]);
    }

    [Fact]
    public async Task Cancel_in_the_wallet_app_returns_to_the_cashier_and_leaves_the_order_pending()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_5"));
        await cashier.FollowAsync(url, "Pay with GCash", "Open wallet app");

        await cashier.SubmitAsync("Cancel");

        Assert.Null(cashier.ReturnedTo);
        Assert.Equal(url, cashier.Url!.PathAndQuery);
        Assert.Contains("Pay with GCash", cashier.Text, StringComparison.Ordinal);
        Assert.Equal("PENDING", (await client.QueryAsync("CSH_5")).Text("status"));
    }

    [Fact]
    public async Task Online_banking_redirects_to_a_bank_login_whose_authorisation_pays()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_6", 500m, "TWD", "TW"));
        await cashier.FollowAsync(url, "Pay with E.SUN Bank", "Continue to bank");

        Assert.Contains("<label for=\"username\">Username</label>", cashier.Html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", cashier.Html, StringComparison.Ordinal);
        await cashier.SubmitAsync("Authorise", ("username", "anyone"), ("password", "anything"));
        var back = PayerMaxClient.ReturnQuery(cashier);

        Assert.Equal("outTradeNo=CSH_6&status=SUCCESS", back);
        var detail = (await client.QueryAsync("CSH_6")).Data["paymentDetails"]![0]!;
        Assert.Equal("BANK_TRANSFER", (string?)detail["paymentMethodType"]);
        Assert.Equal("YUSHANBANK", (string?)detail["targetOrg"]);
    }

    [Theory]
    [InlineData("4444333322221111", "VISA")]
    [InlineData("5555 5555 5555 4444", "MASTERCARD")]
    [InlineData("5297412542005689", "MADA")]
    [InlineData("4507785555554449", "KNET")]
    public async Task PayerMax_test_cards_pay_and_only_brand_and_last_four_are_kept(string number, string cardOrg)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_7", 75m, "SAR", "SA"));
        await cashier.FollowAsync(url, "Pay with Card (Visa, Mastercard, Mada)");

        Assert.Contains("<label for=\"cardNumber\">Card number</label>", cashier.Html, StringComparison.Ordinal);
        await cashier.SubmitAsync("Pay 75.00 SAR", ("cardNumber", number), ("expiry", "12/39"), ("cvv", "123"), ("holder", "Test Holder"));
        var back = PayerMaxClient.ReturnQuery(cashier);
        await sim.RunDueAsync();

        Assert.Equal("outTradeNo=CSH_7&status=SUCCESS", back);
        var query = await client.QueryAsync("CSH_7");
        var card = query.Data["paymentDetails"]![0]!["cardInfo"]!;
        Assert.Equal(cardOrg, (string?)card["cardOrg"]);
        Assert.Equal(number[^4..], (string?)card["cardLast4"]);
        var digits = number.Replace(" ", "", StringComparison.Ordinal);
        Assert.DoesNotContain(digits, query.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(digits, await sim.Http.GetStringAsync("/_simulator/payermax/orders"), StringComparison.Ordinal);
        Assert.DoesNotContain(digits, Assert.Single(client.Notifications("PAYMENT")).ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4444333322220006", "CARD_INVALID")]
    [InlineData("4444333322220014", "CVV_INVALID")]
    [InlineData("4444333322220022", "BALANCE_INSUFFICIENT")]
    [InlineData("4444333322220030", "ISSUER_PAYMENT_REJECTED")]
    public async Task Failure_cards_fail_the_order_with_their_code(string number, string code)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_8", 20m, "AED", "AE"));
        await cashier.FollowAsync(url, "Pay with Card (Visa, Mastercard)");

        await cashier.SubmitAsync("Pay 20.00 AED", ("cardNumber", number), ("expiry", "01/38"), ("cvv", "999"));
        var back = PayerMaxClient.ReturnQuery(cashier);
        await sim.RunDueAsync();

        Assert.Equal("outTradeNo=CSH_8&status=FAILED", back);
        var query = await client.QueryAsync("CSH_8");
        Assert.Equal("FAILED", query.Text("status"));
        Assert.Equal(code, query.Text("resultCode"));
        var notification = Assert.Single(client.Notifications("PAYMENT"));
        Assert.Equal(code, (string?)notification["code"]);
        Assert.Equal("FAILED", (string?)notification["data"]!["status"]);
    }

    [Theory]
    [InlineData("4111111111111111", "12/39", "123", "not a PayerMax test card")]
    [InlineData("4444333322221111", "13/39", "123", "expiry")]
    [InlineData("4444333322221111", "12/39", "12", "CVV")]
    public async Task A_card_form_error_keeps_the_customer_on_the_page_and_the_order_pending(string number, string expiry, string cvv, string message)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_9", 20m, "AED", "AE"));
        await cashier.FollowAsync(url, "Pay with Card (Visa, Mastercard)");

        await cashier.SubmitAsync("Pay 20.00 AED", ("cardNumber", number), ("expiry", expiry), ("cvv", cvv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cashier.Status);
        Assert.Matches($"<p role=\"alert\" class=\"error\">[^<]*{message}", cashier.Html);
        Assert.Equal("PENDING", (await client.QueryAsync("CSH_9")).Text("status"));
    }

    [Theory]
    [InlineData("SUCCESS", "4444333322220022", "SUCCESS")]
    [InlineData("FAILED", "4444333322221111", "FAILED")]
    [InlineData("PENDING", "4444333322221111", "PENDING")]
    public async Task A_sandbox_subject_forces_the_result_whatever_the_card(string subject, string number, string status)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (client, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_10", 75m, "SAR", "SA", subject));
        await cashier.OpenAsync(url);
        var home = cashier.Html;
        await cashier.FollowLinkAsync("Pay with Card (Visa, Mastercard, Mada)");

        await cashier.SubmitAsync("Pay 75.00 SAR", ("cardNumber", number), ("expiry", "12/39"), ("cvv", "123"));
        var back = PayerMaxClient.ReturnQuery(cashier);
        await sim.RunDueAsync();

        Assert.Contains("Sandbox: the subject forces the result " + status, home, StringComparison.Ordinal);
        Assert.Equal($"outTradeNo=CSH_10&status={status}", back);
        Assert.Equal(status, (await client.QueryAsync("CSH_10")).Text("status"));
        Assert.Equal(status == "PENDING" ? 0 : 1, client.Notifications("PAYMENT").Count);
    }

    [Fact]
    public async Task A_paid_order_page_says_so_and_offers_the_way_back()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (_, cashier, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_11"));
        await sim.Http.PostAsync("/_simulator/payermax/orders/CSH_11/complete", null);

        await cashier.OpenAsync(url);

        Assert.Contains("This order is SUCCESS.", cashier.Html, StringComparison.Ordinal);
        Assert.Equal(PayerMaxClient.FrontCallbackUrl + "?outTradeNo=CSH_11&status=SUCCESS", cashier.Link("Return to merchant"));
    }

    [Fact]
    public async Task An_unknown_trade_token_or_method_is_a_404_page()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var (_, _, url) = await OrderAsync(sim, PayerMaxClient.Order("CSH_12"));

        using var token = await sim.Http.GetAsync("/payermax/cashier/T000");
        using var method = await sim.Http.GetAsync(url + "/methods/CARD");
        using var post = await sim.Http.PostAsync(url + "/methods/WALLET-DANA/scan", null);

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, method.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
