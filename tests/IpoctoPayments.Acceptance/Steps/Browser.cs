using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>
/// The customer's browser on the providers' hosted pages: it opens a page, follows links, submits forms by the label
/// of their button, and follows redirects until it leaves the provider (back to ipocto's return address).
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    public Uri? Url { get; private set; }

    public string Html { get; private set; } = "";

    public HttpStatusCode Status { get; private set; }

    /// <summary>Where the provider sent the customer back to, once it did.</summary>
    public Uri? ReturnedTo { get; private set; }

    /// <summary>The visible text of the page, tags removed.</summary>
    public string Text => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Styles().Replace(Html, ""), " ")), " ").Trim();

    /// <summary>Whether the page shows an amount, written either way round ("20.00 USD" or "USD 20.00") as providers do.</summary>
    public bool ShowsAmount(string amount, string currency) =>
        Text.Contains($"{amount} {currency}", StringComparison.Ordinal) || Text.Contains($"{currency} {amount}", StringComparison.Ordinal);

    /// <summary>The customer's phone scans the page's QR code; the simulated pages stand for the phone with their "Simulate scan" button.</summary>
    public Task ScanAsync() => SubmitAsync("Simulate scan");

    public Task OpenAsync(Uri url) => GoAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task FollowLinkAsync(string label)
    {
        var link = Links().Matches(Html).FirstOrDefault(m => Decode(m.Groups["text"].Value).Contains(label, StringComparison.OrdinalIgnoreCase));
        Assert.True(link is not null, $"No link \"{label}\" on {Url}:\n{Text}");
        return OpenAsync(Resolve(link.Groups["href"].Value));
    }

    /// <summary>Fills in a form and presses the button whose label starts with <paramref name="button"/> ("Pay" is not "Apple Pay").</summary>
    public Task SubmitAsync(string button, IReadOnlyDictionary<string, string>? fields = null)
    {
        foreach (Match form in Forms().Matches(Html))
        {
            var pressed = Buttons().Matches(form.Groups["body"].Value)
                .FirstOrDefault(b => Decode(b.Groups["label"].Value).StartsWith(button, StringComparison.OrdinalIgnoreCase));
            if (pressed is null)
            {
                continue;
            }

            var values = new List<KeyValuePair<string, string>>(fields ?? new Dictionary<string, string>());
            var attributes = pressed.Groups["attributes"].Value;
            if (Attribute(attributes, "name") is { } name)
            {
                values.Add(new(name, Attribute(attributes, "value") ?? ""));
            }

            var request = new HttpRequestMessage(HttpMethod.Post, Resolve(form.Groups["action"].Value)) { Content = new FormUrlEncodedContent(values) };
            return GoAsync(request);
        }

        Assert.Fail($"No button \"{button}\" on {Url}:\n{Text}");
        return Task.CompletedTask;
    }

    /// <summary>The image a page shows for <paramref name="alt"/>: its bytes and content type.</summary>
    public async Task<(byte[] Bytes, string ContentType)> ImageAsync(string alt)
    {
        var image = Images().Matches(Html).FirstOrDefault(m => Decode(m.Groups["alt"].Value).Contains(alt, StringComparison.OrdinalIgnoreCase))
            ?? Images().Matches(Html).FirstOrDefault(m => Decode(m.Groups["alt2"].Value).Contains(alt, StringComparison.OrdinalIgnoreCase));
        Assert.True(image is not null, $"No image \"{alt}\" on {Url}:\n{Html}");
        var source = Decode(image.Groups["src"].Success ? image.Groups["src"].Value : image.Groups["src2"].Value);
        if (source.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = source.IndexOf(',', StringComparison.Ordinal);
            return (Convert.FromBase64String(source[(comma + 1)..]), source[5..source.IndexOf(';', StringComparison.Ordinal)]);
        }

        using var response = await client.GetAsync(Resolve(source));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private async Task GoAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await client.SendAsync(request);
            Status = response.StatusCode;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
                if (next.Host != client.BaseAddress!.Host)
                {
                    ReturnedTo = next;
                    return;
                }

                request = new HttpRequestMessage(HttpMethod.Get, next);
                continue;
            }

            Url = request.RequestUri;
            Html = await response.Content.ReadAsStringAsync();
            return;
        }

        Assert.Fail("The provider's pages redirected in a loop.");
    }

    private Uri Resolve(string href) => new(Url ?? client.BaseAddress!, Decode(href));

    private static string Decode(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim();

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"\\b{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("""<a\b[^>]*href="(?<href>[^"]*)"[^>]*>(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex("""<form\b[^>]*action="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("""<button\b(?<attributes>[^>]*)>(?<label>.*?)</button>""", RegexOptions.Singleline)]
    private static partial Regex Buttons();

    [GeneratedRegex("""<img\b(?:[^>]*\balt="(?<alt>[^"]*)"[^>]*\bsrc="(?<src>[^"]*)"|[^>]*\bsrc="(?<src2>[^"]*)"[^>]*\balt="(?<alt2>[^"]*)")[^>]*>""", RegexOptions.Singleline)]
    private static partial Regex Images();
}
