using System.Net;
using System.Text.RegularExpressions;

namespace IpoctoPayments.Sandbox.Tests;

/// <summary>Reads the simulator's hosted pages as a browser shows them: links by their text, forms by their buttons.</summary>
internal static partial class HostedPages
{
    public static async Task<string> GetAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}: {html}");
        return html;
    }

    /// <summary>Opens <paramref name="url"/> and follows links by their text, as a customer clicks through; returns the last page.</summary>
    public static async Task<string> FollowAsync(HttpClient browser, string url, params string[] links)
    {
        var page = await GetAsync(browser, url);
        foreach (var link in links)
        {
            page = await GetAsync(browser, Link(page, link));
        }

        return page;
    }

    /// <summary>The target of the link whose text is <paramref name="text"/>.</summary>
    public static string Link(string html, string text)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(WebUtility.HtmlEncode(text))}</a>");
        Assert.True(match.Success, $"no link '{text}' in the page: {html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The action of the form whose submit button reads <paramref name="button"/>.</summary>
    public static string FormAction(string html, string button)
    {
        var form = FormPattern().Matches(html).FirstOrDefault(f => ButtonPattern(button).IsMatch(f.Value));
        Assert.True(form is not null, $"no form with a '{button}' button in the page: {html}");
        return WebUtility.HtmlDecode(form.Groups["action"].Value);
    }

    /// <summary>Submits a form and expects the provider's 303 back to the console; returns where it leads.</summary>
    public static async Task<Uri> SubmitAsync(HttpClient browser, string action, params (string Name, string Value)[] fields)
    {
        using var response = await browser.PostAsync(
            new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{action} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!;
    }

    private static Regex ButtonPattern(string label) => new($"<button[^>]*>{Regex.Escape(WebUtility.HtmlEncode(label))}</button>");

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
