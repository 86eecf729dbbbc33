using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace IpoctoPayments.Testing;

/// <summary>
/// The customer's browser on the providers' hosted pages (Stripe's checkout, PayerMax's cashier, the bank, wallet and
/// 3-D Secure pages): it opens a page, follows links by their text, submits forms — found by a button's label or by their
/// action, inputs by name — and follows redirects until the provider sends the customer back to
/// <paramref name="returnUrl"/>. Pages are read with an HTML parser, so markup may change as long as what the customer
/// sees, the form actions and the input names stay.
/// </summary>
public sealed class HostedPageBrowser(HttpClient client, Uri returnUrl)
{
    private static readonly HtmlParser Parser = new();

    private IHtmlDocument document = Parser.ParseDocument("");
    private string? contentType;

    /// <summary>The page on screen.</summary>
    public Uri? Url { get; private set; }

    public string Html { get; private set; } = "";

    /// <summary>The status of the last answer: the page's, or the redirect's that sent the customer back.</summary>
    public HttpStatusCode Status { get; private set; }

    /// <summary>Where the provider sent the customer back to, once it did.</summary>
    public Uri? ReturnedTo { get; private set; }

    /// <summary>The visible text of the page: its text nodes, scripts and styles left out, white space collapsed.</summary>
    public string Text => string.Join(' ', document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is not (IHtmlScriptElement or IHtmlStyleElement))
            .SelectMany(t => t.Data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Whether the page shows an amount, written either way round ("20.00 USD" or "USD 20.00") as providers do.</summary>
    public bool ShowsAmount(string amount, string currency) =>
        Text.Contains($"{amount} {currency}", StringComparison.Ordinal) || Text.Contains($"{currency} {amount}", StringComparison.Ordinal);

    /// <summary>Opens a page (following redirects) and asserts it answered with an HTML page, unless it sent the customer back.</summary>
    public async Task OpenAsync(string url)
    {
        await GoAsync(new HttpRequestMessage(HttpMethod.Get, Resolve(url)));
        if (ReturnedTo is null)
        {
            Assert.True(Status == HttpStatusCode.OK, $"{Url} answered {(int)Status}:\n{Text}");
            Assert.Equal("text/html", contentType);
        }
    }

    public Task OpenAsync(Uri url) => OpenAsync(url.AbsoluteUri);

    /// <summary>The target of the link whose text is <paramref name="text"/> (or, failing that, contains it), as written in the page.</summary>
    public string Link(string text)
    {
        var links = document.QuerySelectorAll<IHtmlAnchorElement>("a[href]").ToList();
        var link = links.FirstOrDefault(a => a.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? links.FirstOrDefault(a => a.TextContent.Contains(text, StringComparison.OrdinalIgnoreCase));
        Assert.True(link is not null, $"No link \"{text}\" on {Url}:\n{Text}");
        return link.GetAttribute("href")!;
    }

    public Task FollowLinkAsync(string text) => OpenAsync(Link(text));

    /// <summary>Opens <paramref name="url"/> and follows links by their text, as a customer clicks through.</summary>
    public async Task FollowAsync(string url, params string[] links)
    {
        await OpenAsync(url);
        foreach (var link in links)
        {
            await FollowLinkAsync(link);
        }
    }

    /// <summary>
    /// Fills in the form holding the button whose label starts with <paramref name="button"/> ("Pay" is not "Apple Pay")
    /// and presses it; the button's own name and value go with the form, as a browser sends them.
    /// </summary>
    public Task SubmitAsync(string button, params (string Name, string Value)[] fields)
    {
        var pressed = document.Forms.SelectMany(f => f.QuerySelectorAll<IHtmlButtonElement>("button"))
            .FirstOrDefault(b => b.TextContent.Trim().StartsWith(button, StringComparison.OrdinalIgnoreCase));
        Assert.True(pressed?.Form is not null, $"No button \"{button}\" in a form on {Url}:\n{Text}");
        return SubmitAsync(pressed.Form, pressed, fields);
    }

    /// <summary>Fills in the form whose action ends with <paramref name="action"/> and submits it, as pressing Enter in it does.</summary>
    public Task SubmitFormAsync(string action, params (string Name, string Value)[] fields)
    {
        var form = document.Forms.FirstOrDefault(f => f.GetAttribute("action")?.EndsWith(action, StringComparison.Ordinal) == true);
        Assert.True(form is not null, $"No form posting to …{action} on {Url}:\n{Html}");
        return SubmitAsync(form, null, fields);
    }

    /// <summary>The customer's phone scans the page's QR code; the simulated pages stand for the phone with their "Simulate scan" button.</summary>
    public Task ScanAsync() => SubmitAsync("Simulate scan");

    /// <summary>The image a page shows for <paramref name="alt"/>: its bytes and content type.</summary>
    public async Task<(byte[] Bytes, string ContentType)> ImageAsync(string alt)
    {
        var image = document.Images.FirstOrDefault(i => i.AlternativeText?.Contains(alt, StringComparison.OrdinalIgnoreCase) == true);
        Assert.True(image is not null, $"No image \"{alt}\" on {Url}:\n{Html}");
        var source = image.GetAttribute("src")!;
        if (source.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = source.IndexOf(',', StringComparison.Ordinal);
            return (Convert.FromBase64String(source[(comma + 1)..]), source[5..source.IndexOf(';', StringComparison.Ordinal)]);
        }

        using var response = await client.GetAsync(Resolve(source));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private Task SubmitAsync(IHtmlFormElement form, IHtmlButtonElement? pressed, (string Name, string Value)[] fields)
    {
        var controls = form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name"))).ToList();
        var values = new Dictionary<string, string>();
        foreach (var input in controls.OfType<IHtmlInputElement>().Where(i => i.Type is not ("submit" or "button" or "checkbox" or "radio") || i.IsChecked))
        {
            values[input.Name!] = input.Value;
        }

        if (pressed?.Name is { Length: > 0 } name)
        {
            values[name] = pressed.Value;
        }

        foreach (var (fieldName, value) in fields)
        {
            Assert.True(controls.Any(c => c.GetAttribute("name") == fieldName), $"The form posting to {form.GetAttribute("action")} has no input \"{fieldName}\" on {Url}:\n{Html}");
            values[fieldName] = value;
        }

        return GoAsync(new HttpRequestMessage(HttpMethod.Post, Resolve(form.GetAttribute("action")!)) { Content = new FormUrlEncodedContent(values) });
    }

    private async Task GoAsync(HttpRequestMessage request)
    {
        ReturnedTo = null;
        for (var hops = 0; hops < 10; hops++)
        {
            using var sent = request;
            using var response = await client.SendAsync(sent);
            Status = response.StatusCode;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = new Uri(sent.RequestUri!, location);
                if (next.GetLeftPart(UriPartial.Path) == returnUrl.GetLeftPart(UriPartial.Path))
                {
                    ReturnedTo = next;
                    return;
                }

                request = new HttpRequestMessage(HttpMethod.Get, next);
                continue;
            }

            Url = sent.RequestUri;
            contentType = response.Content.Headers.ContentType?.MediaType;
            Html = await response.Content.ReadAsStringAsync();
            document = Parser.ParseDocument(Html);
            return;
        }

        Assert.Fail("The provider's pages redirected in a loop.");
    }

    private Uri Resolve(string href) => new(Url ?? client.BaseAddress!, href);
}
