using IpoctoPayments.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IpoctoPayments.Browser.Tests;

/// <summary>
/// The pictures in the README's "Run the sandbox" section, taken from a sandbox of their own so they always show the same
/// story. They land in <c>screenshots/readme/</c> (CI: <c>artifacts/browser/readme/</c>); copy them to
/// <c>docs/screenshots/</c> when the pages change.
/// </summary>
public sealed class ReadmeScreenshotTests(SandboxInChromium sandbox) : IClassFixture<SandboxInChromium>
{
    [SkippableFact]
    public async Task The_console_after_two_top_ups_and_both_partners_payment_pages()
    {
        await using var customer = await sandbox.NewCustomerAsync("readme");
        var page = customer.Page;

        await customer.OpenConsoleAsync();
        await customer.FillTopUpAsync("Stripe", "20.00", "United States (US)", "Choose on the payment page");
        await customer.TopUpAsync();
        await Expect(page.GetByLabel("Card number")).ToBeVisibleAsync();
        await customer.SaveAsync("stripe-checkout.png", page.GetByRole(AriaRole.Main));
        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await page.GetByLabel("Expiration date").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await customer.BackOnTheConsoleAsync();
        await Expect(customer.Result.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment successful");

        await customer.FillTopUpAsync("PayerMax", "10.00", "Philippines (PH)", "GCash");
        await customer.TopUpAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pay with GCash" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to pay with GCash" })).ToBeVisibleAsync();
        await customer.SaveAsync("payermax-cashier.png", page.GetByRole(AriaRole.Main));
        await page.GetByRole(AriaRole.Link, new() { Name = "Open wallet app" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }).ClickAsync();
        await customer.BackOnTheConsoleAsync();
        await Expect(customer.Result.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment successful. 10.00 USD was added to your balance.");
        await customer.ExpectBalanceAsync(30.00m);
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await customer.SaveAsync("console.png");
    }
}
