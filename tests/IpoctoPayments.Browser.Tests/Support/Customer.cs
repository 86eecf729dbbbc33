using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IpoctoPayments.Browser.Tests.Support;

/// <summary>
/// A customer at the console, in a browser context of their own. Finds things as a person does — by label, role and
/// name — and photographs each step of the guide.
/// </summary>
public sealed partial class Customer(IBrowserContext context, IPage page, string screenshots) : IAsyncDisposable
{
    public const int Width = 1280;
    public const int Height = 900;

    private int steps;

    public IPage Page { get; } = page;

    /// <summary>The console's balance card.</summary>
    public ILocator Balance => Page.GetByRole(AriaRole.Region, new() { Name = "Balance", Exact = true });

    /// <summary>
    /// The balance itself, the card's first paragraph. The card also shows the last top-up's amount, which the page loads
    /// by a request of its own and can show first, so the balance is never read from the card's text as a whole.
    /// </summary>
    public ILocator BalanceAmount => Balance.GetByRole(AriaRole.Paragraph).First;

    /// <summary>Step 5's card: the order's result.</summary>
    public ILocator Result => Page.GetByRole(AriaRole.Region, new() { Name = "Step 5: Payment result" });

    /// <summary>Opens the console and waits until it shows the balance; returns the balance as shown.</summary>
    public async Task<decimal> OpenConsoleAsync()
    {
        await Page.GotoAsync("/");
        await Expect(BalanceAmount).ToHaveTextAsync(BalancePattern());
        return decimal.Parse(BalancePattern().Match(await BalanceAmount.TextContentAsync() ?? "").Groups["amount"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the console shows <paramref name="balance"/> as the balance ("20.00 USD").</summary>
    public Task ExpectBalanceAsync(decimal balance) =>
        Expect(BalanceAmount).ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture, $"{balance:0.00} USD"));

    /// <summary>Step 1: the top-up form, filled in by its labels.</summary>
    public async Task FillTopUpAsync(string partner, string amount, string country, string method)
    {
        await Page.GetByRole(AriaRole.Radio, new() { Name = partner, Exact = true }).CheckAsync();
        await Page.GetByLabel("Amount", new() { Exact = true }).FillAsync(amount);
        await Expect(Page.GetByLabel("Currency", new() { Exact = true })).ToHaveValueAsync("USD");
        await Page.GetByLabel("Country/region").SelectOptionAsync(new SelectOptionValue { Label = country });
        await Page.GetByRole(AriaRole.Radio, new() { Name = method }).CheckAsync();
    }

    /// <summary>Step 2: presses "Top up" and waits to be on the partner's payment page.</summary>
    public async Task TopUpAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Top up", Exact = true }).ClickAsync();
        // The simulated partners' pages are on the sandbox's own address, under paths of their own.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/");
    }

    /// <summary>Step 5: back on the console once the partner sent the customer there.</summary>
    public Task BackOnTheConsoleAsync() => Page.WaitForURLAsync(QueryPattern());

    /// <summary>The order number the result card tells the customer to quote to support.</summary>
    public async Task<string> OrderNumberAsync()
    {
        var number = Result.GetByLabel("Order number");
        await Expect(number).ToHaveTextAsync(OrderNumberPattern());
        return await number.InnerTextAsync();
    }

    /// <summary>Saves the page as the guide step's picture, numbered in the order taken.</summary>
    public Task SnapAsync(string step) => SaveAsync(string.Create(CultureInfo.InvariantCulture, $"{++steps:00}-{step}.png"));

    /// <summary>
    /// Saves the whole page under <paramref name="name"/>. The window is first made as tall as the page, so what is
    /// pinned to the window's corner (the console's Help button) is drawn there and not halfway down.
    /// </summary>
    public async Task SaveAsync(string name)
    {
        var height = await Page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        await Page.SetViewportSizeAsync(Width, Math.Max(height, Height));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, name) });
        await Page.SetViewportSizeAsync(Width, Height);
    }

    /// <summary>Saves the part of the page <paramref name="part"/> shows, with a margin of the page around it.</summary>
    public async Task SaveAsync(string name, ILocator part)
    {
        var box = await part.BoundingBoxAsync() ?? throw new InvalidOperationException($"{part} is not on the page.");
        const float Margin = 24;
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(screenshots, name),
            FullPage = true,
            Clip = new Clip { X = box.X - Margin, Y = Math.Max(box.Y - Margin, 0), Width = box.Width + (2 * Margin), Height = box.Height + (2 * Margin) },
        });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    [GeneratedRegex(@"^\s*(?<amount>-?\d+\.\d{2})\s+USD\s*$")]
    private static partial Regex BalancePattern();

    [GeneratedRegex(@"/\?topup=")]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"^TU-[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex OrderNumberPattern();
}
