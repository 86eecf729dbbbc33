using System.Net;
using IpoctoPayments.Simulator.Tests.PayerMax;
using IpoctoPayments.Simulator.Tests.Stripe;

namespace IpoctoPayments.Simulator.Tests.Pages;

public sealed class HostedPageFrameTests
{
    private const string Stylesheet = "/_simulator/pages/hosted.css";

    [Fact]
    public async Task Stripe_and_PayerMax_pages_are_drawn_in_one_frame_with_one_stylesheet()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var order = await new PayerMaxClient(sim).CreateOrderAsync(PayerMaxClient.Order("FRAME_1"));

        var checkout = await sim.Http.GetStringAsync(new Uri(session.Url));
        var cashier = await sim.Http.GetStringAsync(new Uri(order.Text("redirectUrl")!));
        using var stylesheet = await sim.Http.GetAsync(new Uri(Stylesheet, UriKind.Relative));

        Assert.Contains($"<link rel=\"stylesheet\" href=\"{Stylesheet}\">", checkout, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{Stylesheet}\">", cashier, StringComparison.Ordinal);
        Assert.Contains("<title>Checkout · Stripe simulator</title>", checkout, StringComparison.Ordinal);
        Assert.Contains("<title>Cashier · PayerMax simulator</title>", cashier, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        Assert.Contains("body.payermax", await stylesheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
