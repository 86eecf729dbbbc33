using System.Net;
using System.Text.RegularExpressions;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

/// <summary>Drives the cashier pages over HTTP the way a browser would: follow links, post forms, read redirects.</summary>
internal sealed partial class CashierDriver(SimulatorFixture sim)
{
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await sim.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The href of the link whose text is <paramref name="text"/>.</summary>
    public static string Link(string html, string text)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(WebUtility.HtmlEncode(text))}</a>");
        Assert.True(match.Success, $"no link '{text}' in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The action of the form holding the button labelled <paramref name="button"/>.</summary>
    public static string FormAction(string html, string button)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            if (form.Value.Contains($">{WebUtility.HtmlEncode(button)}</button>", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(form.Groups[1].Value);
            }
        }

        Assert.Fail($"no button '{button}' in the page");
        return "";
    }

    public async Task<HttpResponseMessage> PostAsync(string action, params (string Name, string Value)[] fields) =>
        await sim.Http.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Posts and expects PayerMax's 303 back to the merchant; returns the query it carries.</summary>
    public async Task<string> PostExpectingReturnAsync(string action, params (string Name, string Value)[] fields)
    {
        using var response = await PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(PayerMaxClient.FrontCallbackUrl + "?", location, StringComparison.Ordinal);
        return location[(PayerMaxClient.FrontCallbackUrl.Length + 1)..];
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
